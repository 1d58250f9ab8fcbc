//! What IRC logs write besides messages: joins, parts, quits, nick and mode changes, which
//! say who came and went rather than what happened, and are left out of the timeline (each
//! listed with why). And IRC's nicks, which may hold brackets and other signs (`[ops]bot`,
//! `alice|away`, `@op`).

/// What a channel event says after the nick (and the host in brackets).
const EVENT_PHRASES: [&str; 12] = [
    "has joined",
    "has left",
    "has quit",
    "joined the channel",
    "left the channel",
    "joined #",
    "left #",
    "quit (",
    "is now known as",
    "sets mode",
    "changed mode",
    "mode/",
];

/// The marks IRC clients put before a channel event: irssi's `-!-`, weechat's `-->` and
/// `<--`, `***` of mIRC and `XChat`, `--` and `==`.
const EVENT_MARKS: [&str; 7] = ["-!-", "-->", "<--", "***", " -- ", "==>", "<=="];

/// Whether `rest`, the text after a line's time, is a join, part, quit, nick or mode
/// change. The whole `line` shows whether a client's mark was written before it.
#[must_use]
pub(super) fn is_channel_event(line: &str, rest: &str) -> bool {
    if is_an_arrowed_event(rest) {
        return true;
    }
    let text = rest
        .trim_start_matches(['-', '!', '<', '>', '*', '=', '|', ' '])
        .to_lowercase();
    // `mode/#ops [+o alice] by bob` (irssi) names no nick first.
    if text.starts_with("mode/") {
        return true;
    }
    // mIRC names the event first: `* Joins: alice (a@host)`, `* Quits: bob (b@host) (bye)`.
    if let Some(after) = ["joins:", "parts:", "quits:"]
        .iter()
        .find_map(|event| text.strip_prefix(event))
        && after
            .split_whitespace()
            .next()
            .is_some_and(looks_like_a_nick)
    {
        return true;
    }
    let Some((nick, after)) = text.split_once(' ') else {
        return false;
    };
    if !looks_like_a_nick(nick) {
        return false;
    }
    // The user's host in brackets: `alice (~a@host) has joined`, `[~a@host]`.
    let host = after.starts_with('(') || after.starts_with('[');
    let after = if host {
        after
            .split_once([')', ']'])
            .map_or(after, |(_, after)| after)
            .trim_start()
    } else {
        after
    };
    let marked = EVENT_MARKS.iter().any(|mark| line.contains(mark));
    let says = EVENT_PHRASES.iter().any(|phrase| after.starts_with(phrase));
    // Without a client's mark or a host, only what no person writes of themselves.
    says && (marked
        || host
        || after.starts_with("is now known as")
        || after.starts_with("has quit"))
}

/// `IRCCloud`'s events, an arrow before the nicks: `→ alice joined (~a@host)`, `⇐ •bob quit
/// (b@host) Ping timeout`, `→ alice and bob joined`, `→ carol joined  ⇐ dave quit`, `←
/// erin left`. No one starts a message with an arrow, a nick and one of those verbs.
fn is_an_arrowed_event(rest: &str) -> bool {
    let Some(after) = rest.trim_start().strip_prefix(['→', '⇐', '←', '⇒']) else {
        return false;
    };
    let words: Vec<&str> = after.split_whitespace().collect();
    let Some(verb) = words
        .iter()
        .take(8)
        .position(|word| matches!(*word, "joined" | "quit" | "left" | "parted"))
    else {
        return false;
    };
    // Before the verb, nicks only (`•` marks one IRCCloud shows as away), joined by `and`.
    let nicks = words[..verb].iter().all(|word| {
        *word == "and"
            || looks_like_a_nick(word.trim_start_matches('\u{2022}').trim_end_matches(','))
    });
    // After it, nothing, the host in brackets, or the next event's arrow.
    let ends = words
        .get(verb + 1)
        .is_none_or(|next| next.starts_with('(') || next.starts_with(['→', '⇐', '←', '⇒']));
    verb > 0 && nicks && ends
}

/// Whether a message's whole text is the note a chat tool writes as someone's message when
/// they come or go (`Has joined the channel.`, Rocket.Chat's and Slack's; `left the
/// room`): no one writes that of themselves as a message.
#[must_use]
pub(super) fn is_a_coming_or_going(text: &str) -> bool {
    let text = text
        .trim()
        .trim_matches(['*', '_', '.', ' '])
        .to_lowercase();
    let text = text.strip_prefix("has ").unwrap_or(&text);
    ["joined", "left"].iter().any(|verb| {
        ["the channel", "the room", "the group", "the conversation"]
            .iter()
            .any(|place| text == format!("{verb} {place}"))
    })
}

/// An IRC nick: no spaces, at most 32 characters of letters, digits and the signs nicks may
/// hold (`[]{}\|^_-` and a backtick), after an op's or voice's `@`, `+` or `%`.
#[must_use]
pub(super) fn looks_like_a_nick(text: &str) -> bool {
    let nick = text.trim_start_matches(['@', '+', '%', '~', '&']);
    !nick.is_empty()
        && nick.chars().count() <= 32
        && nick.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    '[' | ']' | '{' | '}' | '\\' | '|' | '^' | '_' | '-' | '`' | '.'
                )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irccloud_arrows_mark_comings_and_goings() {
        for line in [
            "\u{2192} brson_ joined (brson@moz-0ob.j2m.56.172.IP)",
            "\u{21d0} \u{2022}brson quit (brson@moz-hde.j2m.56.172.IP) Ping timeout: 121 seconds",
            "\u{2192} el00ruobuob_[m] and learninandlurkin joined",
            "\u{2192} lurkinandlearnin joined  \u{21d0} learninandlurkin quit",
        ] {
            assert!(is_channel_event(line, line), "{line}");
        }
        let told = "\u{2192} deploy went to prod and we quit the rollout";
        assert!(!is_channel_event(told, told));
        assert!(!is_channel_event(
            "alice quit smoking",
            "alice quit smoking"
        ));
    }

    #[test]
    fn channel_events_of_the_common_clients() {
        let event = |line: &str| {
            let rest = line.split_once(' ').map_or("", |(_, rest)| rest);
            is_channel_event(line, rest)
        };
        assert!(event("[14:01] -!- alice [~a@host] has joined #ops"));
        assert!(event("14:04 --> carol (~c@host) has joined #ops"));
        assert!(event("14:05 <-- dave has quit (Ping timeout)"));
        assert!(event("14:07 -- eve is now known as eve_away"));
        assert!(event("[14:08] *** frank has left #ops"));
        assert!(event("[14:09] -!- mode/#ops [+o alice] by bob"));
        assert!(event("[15:53] * Joins: bz (bz@moz-3A8.example.net)"));
        assert!(event("[15:58] * Quits: gal (gal@host) (Quit: gal)"));
        assert!(!event("[15:55] * KaiRo thinks he's about to leave"));
        assert!(!event("14:10 <alice> bob has joined the call"));
        assert!(!event("14:11 Dana has joined the bridge"));
        assert!(is_a_coming_or_going("Has joined the channel."));
        assert!(is_a_coming_or_going("_left the room_"));
        assert!(!is_a_coming_or_going(
            "Dana has joined the channel, finally"
        ));
        assert!(!is_a_coming_or_going("joined the call"));
        assert!(looks_like_a_nick("[ops]bot"));
        assert!(looks_like_a_nick("@alice|away"));
        assert!(!looks_like_a_nick("two words"));
    }
}
