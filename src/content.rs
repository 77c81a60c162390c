//! content: finds, parses and checks content and workshop files (raw serde ->
//! validated model), shipped ones embedded in the binary and others from disk.
//! Every problem is a `path:line:col` `Problem`; nothing here panics on bad input
//! or touches sessions or the terminal.

mod check;
mod model;
mod parse;
mod plan;
mod problem;
mod raw;
pub mod schema;
mod unknown;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

pub use model::*;
pub use plan::parse_start;
pub use problem::{Excerpt, Problem, SourceText};

use crate::storage::regular::ReadError;
use check::Checker;
pub use parse::problem_of;
use parse::{Parsed, RawContent, parse};

/// Largest file read, in bytes: content is prose, not data.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// How deep a folder given to `check` or found on disk is searched.
const MAX_DEPTH: usize = 4;
/// Most files read from disk in one load.
const MAX_FILES: usize = 2_000;

/// The shipped files, embedded so that an installed binary works anywhere.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "content/da/ni-raad.toml",
        include_str!("../content/da/ni-raad.toml"),
    ),
    (
        "content/en/ni-raad.toml",
        include_str!("../content/en/ni-raad.toml"),
    ),
    (
        "content/da/nu-og-fremtid.toml",
        include_str!("../content/da/nu-og-fremtid.toml"),
    ),
    (
        "content/en/nu-og-fremtid.toml",
        include_str!("../content/en/nu-og-fremtid.toml"),
    ),
    (
        "content/da/modenhedsscan.toml",
        include_str!("../content/da/modenhedsscan.toml"),
    ),
    (
        "content/en/modenhedsscan.toml",
        include_str!("../content/en/modenhedsscan.toml"),
    ),
    (
        "content/da/selvvurdering.toml",
        include_str!("../content/da/selvvurdering.toml"),
    ),
    (
        "content/en/selvvurdering.toml",
        include_str!("../content/en/selvvurdering.toml"),
    ),
    (
        "content/da/dilemmaer.toml",
        include_str!("../content/da/dilemmaer.toml"),
    ),
    (
        "content/en/dilemmaer.toml",
        include_str!("../content/en/dilemmaer.toml"),
    ),
    (
        "content/da/portefolje.toml",
        include_str!("../content/da/portefolje.toml"),
    ),
    (
        "content/en/portefolje.toml",
        include_str!("../content/en/portefolje.toml"),
    ),
    (
        "content/da/fortaellefisken.toml",
        include_str!("../content/da/fortaellefisken.toml"),
    ),
    (
        "content/en/fortaellefisken.toml",
        include_str!("../content/en/fortaellefisken.toml"),
    ),
    (
        "content/da/fem-perspektiver.toml",
        include_str!("../content/da/fem-perspektiver.toml"),
    ),
    (
        "content/en/fem-perspektiver.toml",
        include_str!("../content/en/fem-perspektiver.toml"),
    ),
    (
        "content/da/forandringskurven.toml",
        include_str!("../content/da/forandringskurven.toml"),
    ),
    (
        "content/en/forandringskurven.toml",
        include_str!("../content/en/forandringskurven.toml"),
    ),
    (
        "content/da/involveringsstigen.toml",
        include_str!("../content/da/involveringsstigen.toml"),
    ),
    (
        "content/en/involveringsstigen.toml",
        include_str!("../content/en/involveringsstigen.toml"),
    ),
    (
        "content/da/syv-spoergsmaal.toml",
        include_str!("../content/da/syv-spoergsmaal.toml"),
    ),
    (
        "content/en/syv-spoergsmaal.toml",
        include_str!("../content/en/syv-spoergsmaal.toml"),
    ),
    (
        "content/da/syv-spoergsmaal-status.toml",
        include_str!("../content/da/syv-spoergsmaal-status.toml"),
    ),
    (
        "content/en/syv-spoergsmaal-status.toml",
        include_str!("../content/en/syv-spoergsmaal-status.toml"),
    ),
    (
        "workshops/da/syv-spoergsmaal.toml",
        include_str!("../workshops/da/syv-spoergsmaal.toml"),
    ),
    (
        "workshops/en/syv-spoergsmaal.toml",
        include_str!("../workshops/en/syv-spoergsmaal.toml"),
    ),
    (
        "content/da/arketyper.toml",
        include_str!("../content/da/arketyper.toml"),
    ),
    (
        "content/en/arketyper.toml",
        include_str!("../content/en/arketyper.toml"),
    ),
    (
        "content/da/tre-paradigmer.toml",
        include_str!("../content/da/tre-paradigmer.toml"),
    ),
    (
        "content/en/tre-paradigmer.toml",
        include_str!("../content/en/tre-paradigmer.toml"),
    ),
    (
        "content/da/organiseringsformer.toml",
        include_str!("../content/da/organiseringsformer.toml"),
    ),
    (
        "content/en/organiseringsformer.toml",
        include_str!("../content/en/organiseringsformer.toml"),
    ),
    (
        "content/da/politiske-scenarier.toml",
        include_str!("../content/da/politiske-scenarier.toml"),
    ),
    (
        "content/en/politiske-scenarier.toml",
        include_str!("../content/en/politiske-scenarier.toml"),
    ),
    (
        "content/da/risikovillighed.toml",
        include_str!("../content/da/risikovillighed.toml"),
    ),
    (
        "content/en/risikovillighed.toml",
        include_str!("../content/en/risikovillighed.toml"),
    ),
    (
        "content/da/ni-raad-tjek.toml",
        include_str!("../content/da/ni-raad-tjek.toml"),
    ),
    (
        "content/en/ni-raad-tjek.toml",
        include_str!("../content/en/ni-raad-tjek.toml"),
    ),
    (
        "content/da/skal-eller-kan.toml",
        include_str!("../content/da/skal-eller-kan.toml"),
    ),
    (
        "content/en/skal-eller-kan.toml",
        include_str!("../content/en/skal-eller-kan.toml"),
    ),
    (
        "content/da/lokal-oversaettelse.toml",
        include_str!("../content/da/lokal-oversaettelse.toml"),
    ),
    (
        "content/en/lokal-oversaettelse.toml",
        include_str!("../content/en/lokal-oversaettelse.toml"),
    ),
    (
        "content/da/laer-af-andre.toml",
        include_str!("../content/da/laer-af-andre.toml"),
    ),
    (
        "content/en/laer-af-andre.toml",
        include_str!("../content/en/laer-af-andre.toml"),
    ),
    (
        "content/da/god-kommunikation.toml",
        include_str!("../content/da/god-kommunikation.toml"),
    ),
    (
        "content/en/god-kommunikation.toml",
        include_str!("../content/en/god-kommunikation.toml"),
    ),
    (
        "content/da/refleksion.toml",
        include_str!("../content/da/refleksion.toml"),
    ),
    (
        "content/en/refleksion.toml",
        include_str!("../content/en/refleksion.toml"),
    ),
    (
        "content/da/dobbelt-diamant.toml",
        include_str!("../content/da/dobbelt-diamant.toml"),
    ),
    (
        "content/en/dobbelt-diamant.toml",
        include_str!("../content/en/dobbelt-diamant.toml"),
    ),
    (
        "content/da/businesscase.toml",
        include_str!("../content/da/businesscase.toml"),
    ),
    (
        "content/en/businesscase.toml",
        include_str!("../content/en/businesscase.toml"),
    ),
    (
        "content/da/case-laegeklinik-mors.toml",
        include_str!("../content/da/case-laegeklinik-mors.toml"),
    ),
    (
        "content/en/case-laegeklinik-mors.toml",
        include_str!("../content/en/case-laegeklinik-mors.toml"),
    ),
    (
        "content/da/case-robotter-ringkoebing-skjern.toml",
        include_str!("../content/da/case-robotter-ringkoebing-skjern.toml"),
    ),
    (
        "content/en/case-robotter-ringkoebing-skjern.toml",
        include_str!("../content/en/case-robotter-ringkoebing-skjern.toml"),
    ),
    (
        "content/da/case-dimsekontoret-egedal.toml",
        include_str!("../content/da/case-dimsekontoret-egedal.toml"),
    ),
    (
        "content/en/case-dimsekontoret-egedal.toml",
        include_str!("../content/en/case-dimsekontoret-egedal.toml"),
    ),
    (
        "content/da/case-et-kontaktpunkt-egedal.toml",
        include_str!("../content/da/case-et-kontaktpunkt-egedal.toml"),
    ),
    (
        "content/en/case-et-kontaktpunkt-egedal.toml",
        include_str!("../content/en/case-et-kontaktpunkt-egedal.toml"),
    ),
    (
        "content/da/case-sundhedsplatformen.toml",
        include_str!("../content/da/case-sundhedsplatformen.toml"),
    ),
    (
        "content/en/case-sundhedsplatformen.toml",
        include_str!("../content/en/case-sundhedsplatformen.toml"),
    ),
    (
        "workshops/da/topledelsens-tjek.toml",
        include_str!("../workshops/da/topledelsens-tjek.toml"),
    ),
    (
        "workshops/en/topledelsens-tjek.toml",
        include_str!("../workshops/en/topledelsens-tjek.toml"),
    ),
    (
        "workshops/da/3-timers-workshop.toml",
        include_str!("../workshops/da/3-timers-workshop.toml"),
    ),
    (
        "workshops/en/3-timers-workshop.toml",
        include_str!("../workshops/en/3-timers-workshop.toml"),
    ),
];

/// The workshop `flipover run` starts when none is named.
pub const DEFAULT_WORKSHOP: &str = "3-timers-workshop";

/// One file to load: where it came from and its bytes.
pub struct SourceFile {
    pub path: String,
    pub bytes: Vec<u8>,
    /// Shipped with the binary (a file on disk with the same id replaces it).
    pub embedded: bool,
}

/// All content and workshops that loaded, by language and id.
#[derive(Default)]
pub struct Library {
    contents: BTreeMap<String, BTreeMap<String, Content>>,
    /// The file each content was read from, by language and id.
    content_paths: BTreeMap<(String, String), String>,
    workshops: BTreeMap<(String, String), (Workshop, String)>,
}

impl Library {
    /// The shipped files, plus any in `./content` and `./workshops`, plus `extra`
    /// files or folders. Returns what loaded and every problem found.
    pub fn load(extra: &[PathBuf]) -> (Library, Vec<Problem>) {
        let (files, mut problems) = sources(extra);
        let library = Library::from_files(&files, &mut problems);
        problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        (library, problems)
    }

    /// Only the shipped files (what tests and a bare binary see).
    pub fn embedded() -> (Library, Vec<Problem>) {
        let mut problems = Vec::new();
        let library = Library::from_files(&embedded(), &mut problems);
        (library, problems)
    }

    /// Loads `files` in order; a later file with a shipped file's id replaces it.
    pub fn from_files(files: &[SourceFile], problems: &mut Vec<Problem>) -> Library {
        let mut lib = Library::default();
        let mut origin: BTreeMap<(String, String, bool), String> = BTreeMap::new();
        let mut pending = Vec::new();
        for file in files {
            let Some(text) = decode(file, problems) else {
                continue;
            };
            let src = SourceText::new(&file.path, text);
            let (parsed, unknown) = parse(&src);
            match parsed {
                Err(p) => problems.extend(unknown.into_iter().chain([*p])),
                Ok(Parsed::Workshop(raw)) => pending.push((file, raw, unknown)),
                Ok(Parsed::Content(raw)) => {
                    // A file with unknown fields is checked (so every problem
                    // shows in one run) but not used.
                    let mut c = Checker::new(src);
                    c.add(unknown);
                    let (content, id) = match raw.as_ref() {
                        RawContent::Model(r) => (Content::Model(c.model(r).into()), &r.id),
                        RawContent::Board(r) => (Content::Board(c.board(r).into()), &r.id),
                        RawContent::Scale(r) => (Content::Scale(c.scale(r).into()), &r.id),
                        RawContent::Slider(r) => (Content::Slider(c.slider(r).into()), &r.id),
                        RawContent::Split(r) => (Content::Split(c.split(r).into()), &r.id),
                        RawContent::Stages(r) => (Content::Stages(c.stages(r).into()), &r.id),
                        RawContent::Canvas(r) => (Content::Canvas(c.canvas(r).into()), &r.id),
                    };
                    lib.add_content(content, id, c, file, &mut origin, problems);
                }
            }
        }
        let empty = BTreeMap::new();
        for (file, raw, unknown) in pending {
            let Some(text) = decode(file, problems) else {
                continue;
            };
            let mut c = Checker::new(SourceText::new(&file.path, text));
            c.add(unknown);
            let contents = lib.contents.get(raw.lang.get_ref()).unwrap_or(&empty);
            let w = c.workshop(&raw, contents);
            if c.is_clean()
                && lib.claim(
                    &mut origin,
                    "workshop",
                    &w.lang,
                    &w.id,
                    &raw.id,
                    file,
                    &mut c,
                )
            {
                lib.workshops
                    .insert((w.lang.clone(), w.id.clone()), (w, file.path.clone()));
            }
            problems.extend(c.finish());
        }
        lib
    }

    fn add_content(
        &mut self,
        content: Content,
        id: &toml::Spanned<String>,
        mut c: Checker<'_>,
        file: &SourceFile,
        origin: &mut BTreeMap<(String, String, bool), String>,
        problems: &mut Vec<Problem>,
    ) {
        let (lang, cid) = (content.lang().to_string(), content.id().to_string());
        if c.is_clean() && self.claim(origin, "content", &lang, &cid, id, file, &mut c) {
            self.content_paths
                .insert((lang.clone(), cid.clone()), file.path.clone());
            self.contents.entry(lang).or_default().insert(cid, content);
        }
        problems.extend(c.finish());
    }

    /// Records that `file` defines `kind` `lang`/`id`; two files on disk (or two
    /// shipped ones) defining the same id is a problem.
    #[allow(clippy::too_many_arguments)]
    fn claim(
        &self,
        origin: &mut BTreeMap<(String, String, bool), String>,
        kind: &str,
        lang: &str,
        id: &str,
        span: &toml::Spanned<String>,
        file: &SourceFile,
        c: &mut Checker<'_>,
    ) -> bool {
        let key = (format!("{kind}/{lang}"), id.to_string(), file.embedded);
        if let Some(other) = origin.get(&key) {
            c.report(
                span.span(),
                format!("{kind} id {id:?} ({lang}) is already defined in {other}"),
                Some("give one of them another id".into()),
            );
            return false;
        }
        origin.insert(key, file.path.clone());
        true
    }

    /// A workshop by id in `lang`, or else in any language.
    pub fn workshop(&self, id: &str, lang: Option<&str>) -> Option<&Workshop> {
        let wanted = lang.unwrap_or("da");
        self.workshops
            .get(&(wanted.to_string(), id.to_string()))
            .or_else(|| {
                self.workshops
                    .iter()
                    .find(|((_, i), _)| i == id)
                    .map(|(_, w)| w)
            })
            .map(|(w, _)| w)
    }

    /// The workshop loaded from the file at `path`, if it loaded.
    pub fn workshop_at(&self, path: &str) -> Option<&Workshop> {
        self.workshops
            .values()
            .find(|(_, p)| p == path)
            .map(|(w, _)| w)
    }

    /// The path of the file the workshop `id` in `lang` was loaded from.
    pub fn workshop_path(&self, lang: &str, id: &str) -> Option<&str> {
        self.workshops
            .get(&(lang.to_string(), id.to_string()))
            .map(|(_, p)| p.as_str())
    }

    /// The path of the file the content `id` in `lang` was loaded from.
    pub fn content_path(&self, lang: &str, id: &str) -> Option<&str> {
        self.content_paths
            .get(&(lang.to_string(), id.to_string()))
            .map(String::as_str)
    }

    /// Workshops in `lang`, by id.
    pub fn workshops(&self, lang: &str) -> impl Iterator<Item = &Workshop> {
        self.workshops
            .iter()
            .filter(move |((l, _), _)| l == lang)
            .map(|(_, (w, _))| w)
    }

    /// Content in `lang` that an advice of a model can offer as an instrument.
    pub fn instruments(&self, lang: &str) -> impl Iterator<Item = &Content> {
        self.contents(lang).filter(|c| c.advice().is_some())
    }

    /// Content in `lang`, by id.
    pub fn contents(&self, lang: &str) -> impl Iterator<Item = &Content> {
        self.contents.get(lang).into_iter().flat_map(|m| m.values())
    }
}

/// The files `Library::load` reads, in the order it reads them: the shipped
/// ones, then `extra`, then `./content` and `./workshops`; with the problems
/// of the files that could not be read.
pub fn sources(extra: &[PathBuf]) -> (Vec<SourceFile>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut files = embedded();
    let mut seen = BTreeSet::new();
    // The paths given first, so a file also found in ./content keeps the
    // name it was given by (`run ./workshops/x.toml` finds it under that).
    for path in extra {
        collect(path, 0, &mut files, &mut seen, &mut problems);
    }
    for dir in ["content", "workshops"] {
        if Path::new(dir).is_dir() {
            collect(Path::new(dir), 0, &mut files, &mut seen, &mut problems);
        }
    }
    (files, problems)
}

fn decode<'f>(file: &'f SourceFile, problems: &mut Vec<Problem>) -> Option<&'f str> {
    match std::str::from_utf8(&file.bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let good = String::from_utf8_lossy(&file.bytes[..e.valid_up_to()]).into_owned();
            let src = SourceText::new(&file.path, &good);
            problems.push(src.problem(good.len()..good.len(), "the file is not valid UTF-8 here"));
            None
        }
    }
}

fn embedded() -> Vec<SourceFile> {
    EMBEDDED
        .iter()
        .map(|(path, text)| SourceFile {
            path: (*path).to_string(),
            bytes: text.as_bytes().to_vec(),
            embedded: true,
        })
        .collect()
}

/// Adds the `.toml` files at `path` (a file, or a folder searched a few levels
/// deep without following links into folders) to `files`. A file is read only
/// if it is a regular file (a link to one is followed) of at most
/// `MAX_FILE_BYTES`; the same file reached twice (`./content` and a path given
/// to `check`) is read once.
fn collect(
    path: &Path,
    depth: usize,
    files: &mut Vec<SourceFile>,
    seen: &mut BTreeSet<PathBuf>,
    problems: &mut Vec<Problem>,
) {
    let shown = path.display().to_string();
    let whole = |message: String| Problem::whole(&shown, message);
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) => return problems.push(whole(format!("cannot read: {e}"))),
    };
    if meta.is_dir() {
        if depth >= MAX_DEPTH {
            return;
        }
        let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => return problems.push(whole(format!("cannot read folder: {e}"))),
        };
        entries.sort();
        for entry in entries {
            let is_dir = fs::symlink_metadata(&entry).is_ok_and(|m| m.is_dir());
            if is_dir || entry.extension().is_some_and(|e| e == "toml") {
                collect(&entry, depth + 1, files, seen, problems);
            }
        }
        return;
    }
    if let Ok(real) = fs::canonicalize(path)
        && !seen.insert(real)
    {
        return;
    }
    if files.len() >= MAX_FILES {
        return problems.push(whole(format!(
            "more than {MAX_FILES} files; the rest are skipped"
        )));
    }
    match crate::storage::regular::read(path, MAX_FILE_BYTES) {
        Ok(bytes) => files.push(SourceFile {
            path: shown,
            bytes,
            embedded: false,
        }),
        Err(ReadError::TooLarge { len, max }) => problems.push(whole(format!(
            "the file is {len} bytes; content files may be at most {max}"
        ))),
        Err(e) => problems.push(whole(format!("the file {e}"))),
    }
}
