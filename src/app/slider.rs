//! The slider instrument: for each dilemma, where the group stands between the
//! two poles (1–5) and, if asked, where it wants to be.

/// Where a dilemma's position is kept: `now` or, for `want`, the wished-for one.
pub fn key(item: &str, want: bool) -> String {
    if want {
        format!("{item}/want")
    } else {
        item.to_string()
    }
}
