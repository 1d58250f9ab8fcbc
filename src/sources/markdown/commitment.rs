//! What a sentence of a postmortem's prose commits its writers to: work still to come, or
//! work done since. Shared by the readers of closing prose in English and in the other
//! languages postmortems are written in.

/// What a sentence says of its writers' work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Commitment {
    /// Work still to come or under way: `we will`, `we plan to`, `we are adding`.
    ToCome,
    /// Work done since: `we have added`, `I've bumped`, `We upgraded …`.
    Done,
}
