//! The symbols flipover draws, in one place. Every one is in WGL4 (the set
//! Consolas, Courier New, Menlo, DejaVu Sans Mono, Liberation Mono and Ubuntu
//! Mono all have) or is a box-drawing or block character, which terminals draw
//! themselves and every common monospace font carries. `⏸`, `◆`, `◉`, `✓`,
//! `⚠`, `⌫` and `⇧` are not, and show as empty boxes in some of them (`⏸` in
//! xterm with DejaVu Sans Mono), so they are not used.

/// The clock runs.
pub const RUNNING: &str = "► ";
/// The clock is paused.
pub const PAUSED: &str = "|| ";
/// The current step in the agenda; the selected entry in the launcher.
pub const CURRENT: &str = "► ";
/// A step already done; an answer saved.
pub const DONE: &str = "√ ";
/// Something needs the facilitator (the rebalance offer).
pub const WARNING: &str = "! ";
/// A card among others, a bullet.
pub const BULLET: &str = "• ";
/// The card heading a group.
pub const GROUP: &str = "■ ";
/// A card in another card's group.
pub const IN_GROUP: &str = "└ ";
/// The card picked up to be grouped.
pub const PICKED: &str = "» ";
/// Where the group stands (dilemmas), a dot vote, a mark on a stage.
pub const DOT: &str = "●";
/// Where the group wants to be (dilemmas).
pub const WANT: &str = "♦";
/// A score reached, and not.
pub const ON: &str = "■ ";
pub const OFF: &str = "□ ";

/// WGL4's symbols and punctuation outside ASCII and Latin-1 that flipover or
/// its content may show (letters are checked apart).
const WGL4_SYMBOLS: &str =
    "‐‒–—―‗‘’‚‛“”„†‡•…‰′″‹›‼⁄ⁿ₣₤₧€℅ℓ№™Ω℮⅛⅜⅝⅞←↑→↓↔↕↨∂∆∏∑−∕∙√∞∟∩∫≈≠≡≤≥⌂⌐⌠⌡■□▪▫▬▲►▼◄◊○●◘◙◦☺☻☼♀♂♠♣♥♦♪♫";

/// Whether `c` shows in every common monospace font.
pub fn safe(c: char) -> bool {
    c.is_ascii()
        // Latin-1 and Latin Extended-A: æ ø å é ü, « » · × and the like.
        || ('\u{a0}'..='\u{17f}').contains(&c)
        // Box drawing and block elements.
        || ('\u{2500}'..='\u{259f}').contains(&c)
        || WGL4_SYMBOLS.contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_symbol_flipover_draws_is_safe() {
        for s in [
            RUNNING, PAUSED, CURRENT, DONE, WARNING, BULLET, GROUP, IN_GROUP, PICKED, DOT, WANT,
            ON, OFF,
        ] {
            assert!(s.chars().all(safe), "{s}");
        }
    }

    #[test]
    fn the_symbols_that_showed_as_boxes_are_not_safe() {
        for c in ['⏸', '◆', '◉', '✓', '⚠', '⌫', '⇧', '▶'] {
            assert!(!safe(c), "{c}");
        }
    }
}
