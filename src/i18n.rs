//! The words flipover itself says, on screen and on the command line, in
//! Danish and English. Content brings its own words; these are the tool's.
//! A text with `{name}` in it is a template for `fill`.

use std::fmt::Display;

/// The product's language, for whatever no session or `--lang` decides.
pub const DEFAULT_LANG: &str = "da";

/// Every fixed text on the screens and in the command line's messages, in
/// one language. (Serialize: the tests read every text.)
#[derive(Debug, serde::Serialize)]
pub struct Words {
    /// "flipover: the answers are saved in <folder>", after the console.
    pub answers_saved_in: &'static str,
    pub step: &'static str,
    pub left: &'static str,
    pub over: &'static str,
    pub paused: &'static str,
    pub running: &'static str,
    pub minutes: &'static str,
    pub agenda: &'static str,
    pub notes: &'static str,
    pub questions: &'static str,
    pub purpose: &'static str,
    pub ideas: &'static str,
    pub reflection: &'static str,
    pub inspiration: &'static str,
    pub how: &'static str,
    pub closing: &'static str,
    pub points: &'static str,
    pub actions: &'static str,
    pub what: &'static str,
    pub who: &'static str,
    pub when: &'static str,
    pub new_card: &'static str,
    pub edit_card: &'static str,
    pub new_point: &'static str,
    pub new_action: &'static str,
    pub situation: &'static str,
    pub saved: &'static str,
    pub saving_failed: &'static str,
    pub text_kept: &'static str,
    pub deleted: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub empty_area: &'static str,
    pub empty_points: &'static str,
    pub empty_actions: &'static str,
    pub not_written: &'static str,
    pub rehearsal: &'static str,
    pub too_small: &'static str,
    /// Before the smallest size: "mindst 40×12".
    pub at_least: &'static str,
    pub help: &'static str,
    pub quit_while_typing: &'static str,
    pub restored_draft: &'static str,
    pub clock_stopped_on_resume: &'static str,
    pub break_text: &'static str,
    pub open_advice: &'static str,
    pub preparation: &'static str,
    pub behind: &'static str,
    pub ahead: &'static str,
    pub on_plan: &'static str,
    pub ends: &'static str,
    pub plan: &'static str,
    pub rebalance: &'static str,
    pub keep_plan: &'static str,
    pub protected: &'static str,
    /// On resume: when flipover stopped (`{at}`) and how long ago (`{away}`:
    /// "5 min." or "2 t. 5 min.", in `hours_abbr` and `minutes_abbr`).
    pub clock_was_running: &'static str,
    pub hours_abbr: &'static str,
    pub minutes_abbr: &'static str,
    /// The same, less than a minute ago.
    pub clock_was_running_just_now: &'static str,
    pub count_closed_time: &'static str,
    pub counted: &'static str,
    /// Said on a new step when no clock runs; `{key}` is the key that starts it.
    pub clock_idle: &'static str,
    /// `{max}` is the most a category may take: "… fra 0 til 100".
    pub percent_expected: &'static str,
    pub now_label: &'static str,
    pub want_label: &'static str,
    pub mean: &'static str,
    pub votes: &'static str,
    pub vote: &'static str,
    pub note: &'static str,
    pub not_set: &'static str,
    /// A sum: a split's ("I alt 100 %"), the time table's on the closing
    /// screen (the report says the same).
    pub total: &'static str,
    /// A split over 100 %: "5 for meget".
    pub too_much: &'static str,
    /// A split under 100 %: "5 for lidt".
    pub too_little: &'static str,
    /// What a split's "(15 %)" means.
    pub rest_share: &'static str,
    pub instruments: &'static str,
    pub picked: &'static str,
    pub noted: &'static str,
    /// A rehearsed workshop file was saved and is shown as it now is.
    pub reloaded: &'static str,
    /// A rehearsed workshop file was saved with a mistake.
    pub reload_failed: &'static str,
    /// The help's heading over the keys every step has.
    pub every_step: &'static str,
    pub workshop_over: &'static str,
    pub write_report: &'static str,
    pub report_written: &'static str,
    pub report_failed: &'static str,
    pub no_report_in_rehearsal: &'static str,
    pub no_decisions: &'static str,
    pub time_used: &'static str,
    pub used: &'static str,
    pub review_title: &'static str,
    pub review_purpose: &'static str,
    pub review_done: &'static str,
    pub review_carried: &'static str,
    pub review_dropped: &'static str,
    pub review_open: &'static str,
    pub before: &'static str,
    pub more: &'static str,
    // The command line's messages (`commands::lang` says in which language).
    /// A second console refused: `{session}`, `{holder}`.
    pub already_open: &'static str,
    /// No session by that name or id: `{session}`.
    pub no_session: &'static str,
    /// An empty data folder: `{dir}`.
    pub no_sessions_yet: &'static str,
    /// A beginning that fits more than one: `{query}`, `{fits}`.
    pub fits_several: &'static str,
    /// After a session folder that cannot be read (the launcher).
    pub cannot_be_read: &'static str,
    /// The launcher asks whom a new session is for.
    pub session_for: &'static str,
    /// The name typed was used before for this workshop.
    pub continues_series: &'static str,
    /// A digit with no instrument behind it in an opened advice.
    pub no_instruments: &'static str,
    pub one_instrument: &'static str,
    /// `{count}` instruments.
    pub some_instruments: &'static str,
    /// The only sessions left cannot be read: `{session}`, `{reason}`.
    pub session_damaged: &'static str,
    /// A journal line that cannot be read: `{path}`, `{line}`.
    pub journal_line: &'static str,
    /// The session's copy of its workshop: `{workshop}`, `{dir}`, `{why}`.
    pub copy_does_not_load: &'static str,
    /// Why the copy does not load, when it is not there.
    pub copy_missing: &'static str,
    /// A session from before sessions carried their workshop: `{workshop}`.
    pub workshop_not_found: &'static str,
    pub cannot_create_session: &'static str,
    pub cannot_copy_workshop: &'static str,
    /// Input or output is not a terminal: `{stream}` is `input` or `output`.
    pub no_terminal: &'static str,
    /// The streams `no_terminal` names: input, output.
    pub streams: [&'static str; 2],
    /// `{error}`.
    pub cannot_take_terminal: &'static str,
    /// The columns of `flipover sessions`.
    pub columns: [&'static str; 6],
    /// After an archived session in `flipover sessions --all`.
    pub archived_mark: &'static str,
    /// Under `flipover sessions`: `{count}`.
    pub archived_hidden: &'static str,
    /// Before the reason a session folder cannot be read.
    pub damaged_mark: &'static str,
    /// The launcher's entries: "Ny session: <workshop>", "Fortsæt: <session>".
    pub new_session: &'static str,
    pub resume_session: &'static str,
    /// "9 trin": a workshop's steps counted.
    pub steps_counted: &'static str,
    pub answer: &'static str,
    pub answers: &'static str,
    /// `flipover export`, before the files: `{session}`.
    pub report_of_written: &'static str,
    pub stdout_one_format: &'static str,
    pub nothing_to_write: &'static str,
    /// `{path}`.
    pub cannot_write: &'static str,
    /// A folder: `{path}`.
    pub cannot_create: &'static str,
    /// `{path}`.
    pub cannot_delete: &'static str,
    /// `{id}`.
    pub bad_workshop_id: &'static str,
    /// `{start}`.
    pub bad_start: &'static str,
    /// `{path}`.
    pub file_exists: &'static str,
    /// `{workshop}`.
    pub workshop_text_missing: &'static str,
    pub not_utf8: &'static str,
    pub would_not_pass: &'static str,
    /// `flipover new`: `{path}`, `{title}`, `{steps}`, `{minutes}`, `{from}`.
    pub new_written: &'static str,
    /// `{path}`.
    pub schema_beside: &'static str,
    /// Before the commands to run next.
    pub next_commands: &'static str,
    /// `{path}`.
    pub not_a_workshop_file: &'static str,
    /// `{workshop}`, `{known}`.
    pub no_workshop: &'static str,
    /// `{session}`, `{name}`.
    pub renamed: &'static str,
    /// `{session}`.
    pub unarchived: &'static str,
    /// `{session}`.
    pub archived: &'static str,
    /// `{dir}`, `{sessions}`.
    pub not_own_folder: &'static str,
    pub open_in_console: &'static str,
    /// `{session}`.
    pub nobody_to_ask: &'static str,
    /// The question, with its own yes key: `{session}`.
    pub delete_for_good: &'static str,
    pub kept: &'static str,
    /// `{session}`.
    pub deleted_session: &'static str,
}

pub const DA: Words = Words {
    answers_saved_in: "svarene er gemt i",
    step: "Trin",
    left: "tilbage",
    over: "over tiden",
    paused: "står stille",
    running: "kører",
    minutes: "min",
    agenda: "Program",
    notes: "Noter til facilitator",
    questions: "Spørgsmål",
    purpose: "Formål",
    ideas: "Nøgleidéer",
    reflection: "Spørgsmål til refleksion",
    inspiration: "Inspirationsspørgsmål",
    how: "Sådan gør I",
    closing: "Til sidst",
    points: "Punkter",
    actions: "Handlinger",
    what: "Hvad",
    who: "Hvem",
    when: "Hvornår",
    new_card: "Nyt kort",
    edit_card: "Ret",
    new_point: "Nyt punkt",
    new_action: "Ny handling",
    situation: "Situation",
    saved: "Gemt",
    saving_failed: "Kunne ikke gemme",
    text_kept: "teksten er ikke tabt – ret fejlen og tryk Enter igen",
    deleted: "Slettet – u fortryder",
    undone: "Fortrudt",
    nothing_to_undo: "Intet at fortryde",
    empty_area: "Tryk a for at skrive",
    empty_points: "Ingen punkter endnu – tryk a for at skrive det første",
    empty_actions: "Ingen handlinger endnu – tryk a for at tilføje en",
    not_written: "(ikke beskrevet endnu – Enter for at skrive)",
    rehearsal: "PRØVE – intet gemmes",
    too_small: "Gør vinduet større",
    at_least: "mindst",
    help: "Taster",
    quit_while_typing: "Du skriver stadig. Afslut og gem teksten som kladde? (j/n)",
    restored_draft: "Kladden fra sidst er hentet frem",
    clock_stopped_on_resume: "Uret er sat på pause, hvor det slap",
    break_text: "Pause",
    open_advice: "↑↓ vælg · Enter åbn · Tab næste fase",
    preparation: "Forberedelse",
    behind: "bag planen",
    ahead: "foran planen",
    on_plan: "på planen",
    ends: "slut",
    plan: "plan",
    rebalance: "r: forkort de næste trin",
    keep_plan: "R: behold planen",
    protected: "beskyttet",
    clock_was_running: "Uret kørte, da flipover stoppede kl. {at} – for {away} siden",
    hours_abbr: "t.",
    minutes_abbr: "min.",
    clock_was_running_just_now: "Uret kørte, da flipover stoppede kl. {at} – for et øjeblik siden",
    count_closed_time: "Skal tiden, mens flipover var lukket, tælle med? (j/n)",
    counted: "Tiden tæller med",
    clock_idle: "Uret står stille – {key} starter det",
    percent_expected: "skriv et helt tal fra 0 til {max}",
    now_label: "Hvor står vi",
    want_label: "Hvor vil vi være",
    mean: "gns.",
    votes: "stemmer",
    vote: "stemme",
    note: "Note",
    not_set: "ikke sat",
    total: "I alt",
    too_much: "for meget",
    too_little: "for lidt",
    rest_share: "(…) ikke sat endnu: deler resten",
    instruments: "Redskaber – tryk tallet for at køre det som næste trin",
    picked: "Kortet er samlet op – gå til det kort, det skal samles med, og tryk c",
    noted: "Noteret (prøve – intet gemmes)",
    reloaded: "Workshopfilen er læst igen",
    reload_failed: "den forrige udgave vises",
    every_step: "Alle trin",
    workshop_over: "Workshoppen er slut",
    write_report: "skriv rapporten (Markdown, HTML, CSV, JSON)",
    report_written: "Rapporten er skrevet til",
    report_failed: "Kunne ikke skrive rapporten",
    no_report_in_rehearsal: "Prøve – der skrives ingen rapport",
    no_decisions: "Ingen handlinger besluttet",
    time_used: "Tid",
    used: "brugt",
    review_title: "Opfølgning fra sidst",
    review_purpose: "Gå handlingerne fra sidste møde igennem: hvad er gjort, hvad føres videre, hvad droppes?",
    review_done: "√ gjort",
    review_carried: "→ videreført",
    review_dropped: "× droppet",
    review_open: "· ikke gennemgået",
    before: "Før",
    more: "mere",
    // The command line's messages.
    already_open: "sessionen {session} er allerede åben i en anden flipover ({holder}). To konsoller skriver aldrig i samme session: luk den anden først.",
    no_session: "ingen session {session} (se `flipover sessions`)",
    no_sessions_yet: "ingen sessioner endnu i {dir} (start en med `flipover run`)",
    fits_several: "{query} passer på flere sessioner: {fits} (skriv mere af id'et eller navnet)",
    cannot_be_read: "kan ikke læses",
    session_for: "Hvem er sessionen for? Fx »Egedal, ledergruppen« – eller lad feltet stå tomt",
    continues_series: "Samme navn som før: de åbne handlinger fra sidst kommer med",
    no_instruments: "Dette råd har ingen redskaber",
    one_instrument: "Dette råd har ét redskab: tryk 1",
    some_instruments: "Dette råd har {count} redskaber: tryk 1–{count}",
    session_damaged: "sessionen {session} kan ikke læses: {reason} (se `flipover sessions`)",
    journal_line: "{path}:{line}: denne linje i journalen kan ikke læses, så sessionen åbnes ikke (intet er ændret). Tag en kopi af mappen, før linjen rettes i hånden.",
    copy_does_not_load: "sessionens kopi af workshoppen {workshop} i {dir} kan ikke indlæses: {why}",
    copy_missing: "den mangler",
    workshop_not_found: "sessionens workshop {workshop} følger ikke med flipover og ligger ikke i ./workshops; læg dens fil dér, og genoptag igen",
    cannot_create_session: "kan ikke oprette sessionen",
    cannot_copy_workshop: "kan ikke kopiere workshoppen ind i sessionen",
    no_terminal: "flipover skal bruge en terminal, og dens {stream} er ikke en terminal (kør den i et terminalvindue, uden < eller |)",
    streams: ["input", "output"],
    cannot_take_terminal: "kan ikke overtage terminalen: {error}",
    columns: ["ID", "NAVN", "WORKSHOP", "OPRETTET", "TRIN", "SVAR"],
    archived_mark: "(arkiveret)",
    archived_hidden: "({count} arkiveret: flipover sessions --all)",
    damaged_mark: "BESKADIGET",
    new_session: "Ny session:",
    resume_session: "Fortsæt:",
    steps_counted: "trin",
    answer: "svar",
    answers: "svar",
    report_of_written: "flipover: rapporten for {session} er skrevet:",
    stdout_one_format: "-o - skriver én fil til standardoutput: vælg ét format, dog ikke csv",
    nothing_to_write: "intet at skrive",
    cannot_write: "kan ikke skrive {path}",
    cannot_create: "kan ikke oprette {path}",
    cannot_delete: "kan ikke slette {path}",
    bad_workshop_id: "{id} kan ikke være et workshop-id: brug 1–64 tegn blandt a–z, 0–9 og -, fx \"kommune-marts\"",
    bad_start: "--start {start} er ikke et klokkeslæt: skriv TT:MM, fx 09:00",
    file_exists: "{path} findes allerede (giv --force for at erstatte den)",
    workshop_text_missing: "teksten til workshoppen {workshop} kan ikke findes",
    not_utf8: "workshopfilen er ikke UTF-8",
    would_not_pass: "flipover: intet er skrevet: den nye workshop ville ikke bestå `flipover check`",
    new_written: "{path} er skrevet: \"{title}\", {steps} trin, {minutes} minutter, ud fra {from}",
    schema_beside: "  (og {path}, så editorer fuldfører og tjekker, mens du skriver)",
    next_commands: "næste skridt:",
    not_a_workshop_file: "{path} kunne ikke indlæses som workshop (`flipover check {path}` viser hvorfor)",
    no_workshop: "ingen workshop {workshop} (kendte: {known}; eller angiv stien til en fil)",
    renamed: "flipover: {session} hedder nu {name}",
    unarchived: "flipover: {session} er taget frem fra arkivet",
    archived: "flipover: {session} er arkiveret (flipover sessions --all viser den; archive --undo tager den frem igen)",
    not_own_folder: "{dir} er ikke en sessionsmappe i {sessions}; flipover sletter kun sine egne",
    open_in_console: "sessionen er åben i en konsol; afslut den først",
    nobody_to_ask: "slet {session}? Der er ingen at spørge her: tilføj --yes for at slette den",
    delete_for_good: "Slet sessionen {session} og dens rapport for altid? [j/N] ",
    kept: "flipover: intet er slettet",
    deleted_session: "flipover: {session} er slettet",
};

pub const EN: Words = Words {
    answers_saved_in: "the answers are saved in",
    step: "Step",
    left: "left",
    over: "over time",
    paused: "paused",
    running: "running",
    minutes: "min",
    agenda: "Agenda",
    notes: "Facilitator notes",
    questions: "Questions",
    purpose: "Purpose",
    ideas: "Key ideas",
    reflection: "Questions for reflection",
    inspiration: "Inspiration questions",
    how: "How to do it",
    closing: "To close",
    points: "Points",
    actions: "Actions",
    what: "What",
    who: "Who",
    when: "By when",
    new_card: "New card",
    edit_card: "Edit",
    new_point: "New point",
    new_action: "New action",
    situation: "Situation",
    saved: "Saved",
    saving_failed: "Could not save",
    text_kept: "the text is not lost – fix the problem and press Enter again",
    deleted: "Deleted – u undoes",
    undone: "Undone",
    nothing_to_undo: "Nothing to undo",
    empty_area: "Press a to write",
    empty_points: "No points yet – press a to write the first",
    empty_actions: "No actions yet – press a to add one",
    not_written: "(not described yet – Enter to write)",
    rehearsal: "REHEARSAL – nothing is saved",
    too_small: "Make the window larger",
    at_least: "at least",
    help: "Keys",
    quit_while_typing: "You are still typing. Quit and keep the text as a draft? (y/n)",
    restored_draft: "The draft from last time is back",
    clock_stopped_on_resume: "The clock is paused where it stopped",
    break_text: "Break",
    open_advice: "↑↓ choose · Enter open · Tab next phase",
    preparation: "Preparation",
    behind: "behind schedule",
    ahead: "ahead of schedule",
    on_plan: "on schedule",
    ends: "ends",
    plan: "plan",
    rebalance: "r: shorten the next steps",
    keep_plan: "R: keep the plan",
    protected: "protected",
    clock_was_running: "The clock was running when flipover stopped at {at}, {away} ago",
    hours_abbr: "h",
    minutes_abbr: "min",
    clock_was_running_just_now: "The clock was running when flipover stopped at {at}, moments ago",
    count_closed_time: "Count the time flipover was closed? (y/n)",
    counted: "The time counts",
    clock_idle: "The clock is not running – {key} starts it",
    percent_expected: "type a whole number from 0 to {max}",
    now_label: "Where we are",
    want_label: "Where we want to be",
    mean: "mean",
    votes: "votes",
    vote: "vote",
    note: "Note",
    not_set: "not set",
    total: "Total",
    too_much: "too many",
    too_little: "too few",
    rest_share: "(…) not set yet: shares the rest",
    instruments: "Instruments – press the number to run one as the next step",
    picked: "Card picked up – go to the card to group it with, and press c",
    noted: "Noted (rehearsal – nothing is saved)",
    reloaded: "The workshop file was read again",
    reload_failed: "the previous version is shown",
    every_step: "Every step",
    workshop_over: "The workshop is over",
    write_report: "write the report (Markdown, HTML, CSV, JSON)",
    report_written: "The report is written to",
    report_failed: "Could not write the report",
    no_report_in_rehearsal: "Rehearsal – no report is written",
    no_decisions: "No actions decided",
    time_used: "Time",
    used: "used",
    review_title: "Follow-up from last time",
    review_purpose: "Go through the actions from the last meeting: what is done, what is carried on, what is dropped?",
    review_done: "√ done",
    review_carried: "→ carried on",
    review_dropped: "× dropped",
    review_open: "· not reviewed",
    before: "Before",
    more: "more",
    // The command line's messages.
    already_open: "session {session} is already open in another flipover ({holder}). Two consoles never write one session: close the other one first.",
    no_session: "no session {session} (see `flipover sessions`)",
    no_sessions_yet: "no sessions yet in {dir} (start one with `flipover run`)",
    fits_several: "{query} fits several sessions: {fits} (give more of the id or the name)",
    cannot_be_read: "cannot be read",
    session_for: "Who is the session for? E.g. “Egedal, leadership team” – or leave it empty",
    continues_series: "Same name as before: the open actions from last time come along",
    no_instruments: "This advice has no instruments",
    one_instrument: "This advice has one instrument: press 1",
    some_instruments: "This advice has {count} instruments: press 1–{count}",
    session_damaged: "session {session} cannot be read: {reason} (see `flipover sessions`)",
    journal_line: "{path}:{line}: this journal line cannot be read, so the session is not opened (nothing was changed). Keep a copy of the folder before repairing the line by hand.",
    copy_does_not_load: "the session's copy of its workshop {workshop} in {dir} does not load: {why}",
    copy_missing: "it is missing",
    workshop_not_found: "the session's workshop {workshop} is not shipped and not in ./workshops; put its file there and resume again",
    cannot_create_session: "cannot create the session",
    cannot_copy_workshop: "cannot copy the workshop into the session",
    no_terminal: "flipover needs a terminal, and its {stream} is not one (run it in a terminal window, without < or |)",
    streams: ["input", "output"],
    cannot_take_terminal: "cannot take over the terminal: {error}",
    columns: ["ID", "NAME", "WORKSHOP", "CREATED", "STEP", "ANSWERS"],
    archived_mark: "(archived)",
    archived_hidden: "({count} archived: flipover sessions --all)",
    damaged_mark: "DAMAGED",
    new_session: "New session:",
    resume_session: "Resume:",
    steps_counted: "steps",
    answer: "answer",
    answers: "answers",
    report_of_written: "flipover: the report of {session} is written:",
    stdout_one_format: "-o - writes one file to standard output: give one format other than csv",
    nothing_to_write: "nothing to write",
    cannot_write: "cannot write {path}",
    cannot_create: "cannot create {path}",
    cannot_delete: "cannot delete {path}",
    bad_workshop_id: "{id} cannot be a workshop id: use 1–64 characters of a–z, 0–9 and -, e.g. \"kommune-marts\"",
    bad_start: "--start {start} is not a time of day: write HH:MM, e.g. 09:00",
    file_exists: "{path} already exists (give --force to replace it)",
    workshop_text_missing: "the text of workshop {workshop} cannot be found",
    not_utf8: "the workshop file is not UTF-8",
    would_not_pass: "flipover: nothing written: the new workshop would not pass `flipover check`",
    new_written: "wrote {path}: \"{title}\", {steps} steps, {minutes} minutes, from {from}",
    schema_beside: "  (and {path}, so editors complete and check as you type)",
    next_commands: "next:",
    not_a_workshop_file: "{path} did not load as a workshop (`flipover check {path}` lists why)",
    no_workshop: "no workshop {workshop} (known: {known}; or give the path of a file)",
    renamed: "flipover: {session} is now named {name}",
    unarchived: "flipover: {session} is back from the archive",
    archived: "flipover: {session} is archived (flipover sessions --all shows it; archive --undo brings it back)",
    not_own_folder: "{dir} is not a session folder in {sessions}; flipover deletes only its own",
    open_in_console: "the session is open in a console; quit it first",
    nobody_to_ask: "delete {session}? Nobody to ask here: add --yes to delete it",
    delete_for_good: "Delete the session {session} and its report for good? [y/N] ",
    kept: "flipover: kept",
    deleted_session: "flipover: deleted {session}",
};

pub fn words(lang: &str) -> &'static Words {
    if lang == "en" { &EN } else { &DA }
}

/// The words of `--lang` if it was given, else of the product's language.
pub fn chosen(lang: Option<&str>) -> &'static Words {
    words(lang.unwrap_or(DEFAULT_LANG))
}

/// `template` with each `{name}` replaced by its value in `args`. A value is
/// put in as it is, never searched for names itself; a name without a value
/// stays as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let (_, v) = args.iter().find(|(n, _)| *n == &after[..close])?;
            Some((close, v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(&v.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text flipover shows draws in every common monospace font: no
    /// symbol that a projector's font shows as an empty box.
    #[test]
    fn every_text_is_drawn_by_every_font() {
        for words in [&DA, &EN] {
            let serde_json::Value::Object(texts) = serde_json::to_value(words).expect("texts")
            else {
                panic!("Words is a struct");
            };
            for (name, value) in texts {
                // A text, or a list of texts.
                let texts = match &value {
                    serde_json::Value::Array(list) => list.iter().collect(),
                    one => vec![one],
                };
                for text in texts.iter().filter_map(|t| t.as_str()) {
                    assert!(
                        text.chars().all(crate::ui::glyphs::safe),
                        "{name}: {text:?} has a symbol some fonts lack"
                    );
                }
            }
        }
    }

    #[test]
    fn fill_puts_each_value_in_once() {
        let t = "{a} og {b}, {c} {";
        assert_eq!(fill(t, &[("a", &"{b}"), ("b", &2)]), "{b} og 2, {c} {");
    }

    /// The names in `{…}` of one text.
    fn names(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(n, _)| n))
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase()))
            .collect();
        found.sort();
        found
    }

    /// Every text has the same `{names}` in Danish and English, so no value
    /// goes missing in one language (Debug prints the fields one a line, in
    /// the same order).
    #[test]
    fn both_languages_fill_the_same_names() {
        let da = format!("{DA:#?}");
        let en = format!("{EN:#?}");
        assert_eq!(da.lines().count(), en.lines().count());
        for (d, e) in da.lines().zip(en.lines()) {
            assert_eq!(names(d), names(e), "{d}\n{e}");
        }
        assert_eq!(names(DA.new_written).len(), 5);
    }
}
