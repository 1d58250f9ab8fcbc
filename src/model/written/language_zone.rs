//! The zone a text's language gives away. Many languages are written in one country, or in
//! countries that keep one offset: a page in German is in Central European time, one in
//! Japanese in Japan's. A postmortem in such a language whose times name no zone is most
//! likely in it. English, French, Spanish, Portuguese, Russian and Arabic span too many
//! zones to say anything. The language is told by `whatlang`, from the words themselves.

use chrono_tz::Tz;
use whatlang::Lang;

/// How much of the text is read: a page's language shows in its first few thousand
/// characters, and a long file costs no more than that.
const READ_CHARS: usize = 6000;

/// The zone of a text written in a language used in a single zone, with the language's
/// English name for the import report; `None` when the language spans zones or is not sure.
#[must_use]
pub fn zone_of_language(text: &str) -> Option<(Tz, &'static str)> {
    let end = text
        .char_indices()
        .nth(READ_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let text = &text[..end];
    if let Some(found) = east_asian(text) {
        return Some(found);
    }
    let info = whatlang::detect(text).filter(whatlang::Info::is_reliable)?;
    let zone = match info.lang() {
        Lang::Deu => Tz::Europe__Berlin,
        Lang::Nld => Tz::Europe__Amsterdam,
        Lang::Ita => Tz::Europe__Rome,
        Lang::Pol => Tz::Europe__Warsaw,
        Lang::Ces => Tz::Europe__Prague,
        Lang::Slk => Tz::Europe__Bratislava,
        Lang::Slv => Tz::Europe__Ljubljana,
        Lang::Hrv => Tz::Europe__Zagreb,
        Lang::Hun => Tz::Europe__Budapest,
        Lang::Swe => Tz::Europe__Stockholm,
        Lang::Nob => Tz::Europe__Oslo,
        Lang::Dan => Tz::Europe__Copenhagen,
        Lang::Fin => Tz::Europe__Helsinki,
        Lang::Est => Tz::Europe__Tallinn,
        Lang::Lav => Tz::Europe__Riga,
        Lang::Lit => Tz::Europe__Vilnius,
        Lang::Ell => Tz::Europe__Athens,
        Lang::Bul => Tz::Europe__Sofia,
        Lang::Ron => Tz::Europe__Bucharest,
        Lang::Ukr => Tz::Europe__Kyiv,
        Lang::Tur => Tz::Europe__Istanbul,
        Lang::Heb => Tz::Asia__Jerusalem,
        Lang::Tha => Tz::Asia__Bangkok,
        Lang::Vie => Tz::Asia__Ho_Chi_Minh,
        Lang::Hin => Tz::Asia__Kolkata,
        _ => return None,
    };
    Some((zone, info.lang().eng_name()))
}

/// The smallest share of a text's letters in the scripts of Japanese, Korean or Chinese that
/// makes it a page in that language. Such a page quotes English names, code and addresses,
/// whose letters outnumber its own (one character of these scripts says as much as a word),
/// so the language is told by its script rather than by counting words.
const EAST_ASIAN_SHARE_PERCENT: usize = 20;

/// Japanese, Korean or Chinese by the share of the text's letters in their scripts: kana
/// is Japanese (mixed with Han characters), Hangul is Korean, Han without kana is Chinese.
fn east_asian(text: &str) -> Option<(Tz, &'static str)> {
    let (mut letters, mut kana, mut hangul, mut han) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match u32::from(c) {
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana += 1,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1,
            _ => {}
        }
    }
    let share = |count: usize| letters > 0 && count * 100 >= letters * EAST_ASIAN_SHARE_PERCENT;
    if share(kana + han) && kana * 20 >= kana + han {
        Some((Tz::Asia__Tokyo, "Japanese"))
    } else if share(hangul) {
        Some((Tz::Asia__Seoul, "Korean"))
    } else if share(han) && kana == 0 {
        // China, Taiwan, Hong Kong, Macau, Singapore and Malaysia all keep UTC+8.
        Some((Tz::Asia__Shanghai, "Chinese"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(text: &str) -> Option<&'static str> {
        zone_of_language(text).map(|(_, name)| name)
    }

    #[test]
    fn a_page_in_a_language_of_one_zone_gives_that_zone() {
        assert_eq!(
            language(
                "v1.1.5以前にインストールをして利用規約に合意した状態からv1.4.0にアップデートすると\
                 アプリが起動できなくなる。"
            ),
            Some("Japanese")
        );
        assert_eq!(
            language("服务器于今日晚宕机，Git 服务中断，我们将对反代服务进行调整。"),
            Some("Chinese")
        );
        assert_eq!(
            language("서버가 다운되었습니다. 데이터베이스 복구가 완료되었습니다."),
            Some("Korean")
        );
        // A Japanese page quoting much English, code and addresses is still Japanese.
        assert_eq!(
            language(
                "* 16:17 - GitHub [Issue #517 「COCOA v1.4.0 が起動しない」]\
                 (https://github.com/cocoa-mhlw/cocoa/issues/517)投稿\n\
                 * 17:30 - GitHub 推測される原因が「MinValue/MaxValue に加算減算が定義されていない」\
                 との指摘がGitHubに投稿される"
            ),
            Some("Japanese")
        );
        assert_eq!(
            zone_of_language(
                "Durch eine massive Störung bei unserem Hosting-Dienstleister ist der Login zur \
                 Zeit nicht möglich. Es wird bereits mit Hochdruck an einer Lösung gearbeitet."
            ),
            Some((Tz::Europe__Berlin, "German"))
        );
        assert_eq!(
            language(
                "Včera večer došlo k výpadku v datacentru, po kterém se disky serveru odebraly \
                 do křemíkového nebe. Pro překladatelskou wiki mám naštěstí zálohy."
            ),
            Some("Czech")
        );
    }

    #[test]
    fn languages_spoken_across_zones_say_nothing() {
        for text in [
            "At 14:03 the primary database stopped accepting writes and we paged the on-call \
             engineer, who failed over to the replica within ten minutes.",
            "Le serveur est tombé en panne hier soir et nous avons restauré les données à partir \
             des sauvegardes de la veille.",
            "El servidor dejó de responder y restauramos la base de datos desde la copia de \
             seguridad de anoche.",
            "The Tokyo team (東京チーム) restarted the database at 14:03 and paged the owners.",
            "",
        ] {
            assert_eq!(language(text), None, "{text}");
        }
    }
}
