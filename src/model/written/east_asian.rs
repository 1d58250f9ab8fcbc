//! Dates and times as Japanese, Chinese and Korean write them, with a character after each
//! number: `2021年11月25日`, `2021년 11월 25일`; `午後3時`, `15時30分`, `下午3点20分`,
//! `오후 3시 47분`.

use chrono::NaiveTime;

use super::scan::digits;

/// A day as written: its year when given, its month and its day of the month.
pub type WrittenYmd = (Option<i32>, u32, u32);

/// Reads `2021年11月25日` (Japanese and Chinese) or `2021년 11월 25일` (Korean) at the start
/// of `text`; returns the year, month and day as written (the date reader checks they make
/// a day) and the rest.
#[must_use]
pub fn read_east_asian_date(text: &str) -> Option<((i32, u32, u32), &str)> {
    let ((year, month, day), rest) = read_east_asian_day(text)?;
    Some(((year?, month, day), rest))
}

/// Reads a day as [`read_east_asian_date`] does, its year perhaps left out (`9月15日`, as a
/// list of events within a year writes it), and past the weekday in brackets that may
/// follow it (`9月15日(水)`, `2021年9月11日（土）`).
#[must_use]
pub fn read_east_asian_day(text: &str) -> Option<(WrittenYmd, &str)> {
    let year = digits(text, 4, 4).and_then(|(year, rest)| {
        let rest = after_mark(rest, &['年', '년'])?;
        Some((i32::try_from(year).ok()?, rest.trim_start()))
    });
    let (year, rest) = match year {
        Some((year, rest)) => (Some(year), rest),
        None => (None, text),
    };
    let (month, rest) = digits(rest, 1, 2)?;
    // `10.19일`: the month and a dot, as Korean notices write a day of the same year.
    let rest = after_mark(rest, &['月', '월'])
        .or_else(|| rest.strip_prefix('.').filter(|_| year.is_none()))?;
    let (day, rest) = digits(rest.trim_start(), 1, 2)?;
    let rest = after_mark(rest, &['日', '일'])?;
    Some(((year, month, day), after_weekday(rest)))
}

/// `text` past a weekday in brackets (`(水)`, `（土）`, `(金曜日)`, `(목)`), or `text` as it is.
pub(super) fn after_weekday(text: &str) -> &str {
    const WEEKDAY_MARKS: &str = "月火水木金土日曜一二三四五六天周星期월화수목금토일요";
    let trimmed = text.trim_start();
    let Some(inner) = trimmed.strip_prefix(['(', '\u{ff08}']) else {
        return text;
    };
    let Some(close) = inner.find([')', '\u{ff09}']) else {
        return text;
    };
    let name = &inner[..close];
    let is_weekday = !name.is_empty()
        && name.chars().count() <= 3
        && name.chars().all(|c| WEEKDAY_MARKS.contains(c));
    if !is_weekday {
        return text;
    }
    let after = &inner[close..];
    after.strip_prefix([')', '\u{ff09}']).unwrap_or(after)
}

/// Reads `午後3時`, `午前10時47分`, `15時30分`, `下午3点`, `오후 3시 47분` at the start of
/// `text` (a space may stand after a date); returns the time, whether a half of the day was
/// named, and the rest.
#[must_use]
pub fn read_east_asian_time(text: &str) -> Option<(NaiveTime, bool, &str)> {
    let text = text.trim_start();
    let (half, rest) = [
        ("午前", false),
        ("午後", true),
        ("上午", false),
        ("下午", true),
        ("오전", false),
        ("오후", true),
    ]
    .iter()
    .find_map(|(word, afternoon)| Some((Some(*afternoon), text.strip_prefix(word)?)))
    .unwrap_or((None, text));
    let (hour, rest) = digits(rest.trim_start(), 1, 2)?;
    // `오전 2:27`, `下午 3:20`: the half of the day named before a time with a colon.
    let colon_minutes = half
        .and(rest.strip_prefix(':'))
        .and_then(|after| digits(after, 2, 2));
    let (minute, rest) = if let Some((minute, after)) = colon_minutes {
        (minute, after)
    } else {
        let rest = after_mark(rest, &['時', '时', '点', '點', '시'])?;
        match digits(rest.trim_start(), 1, 2) {
            Some((minute, after)) => (minute, after_mark(after, &['分', '분'])?),
            None => (0, rest),
        }
    };
    let hour = match half {
        Some(false) if hour == 12 => 0,
        Some(true) if hour < 12 => hour + 12,
        Some(_) if hour > 12 => return None,
        _ => hour,
    };
    Some((
        NaiveTime::from_hms_opt(hour, minute, 0)?,
        half.is_some(),
        rest,
    ))
}

/// `text` past a mark that says the time before it is approximate (`頃`, `ごろ`, `左右`,
/// `前後`, `경`, a space allowed before it), or `None` when it does not open with one.
#[must_use]
pub fn after_approximate_mark(text: &str) -> Option<&str> {
    let trimmed = text.trim_start();
    let rest = ["頃", "ごろ", "左右", "前後", "경"]
        .iter()
        .find_map(|mark| trimmed.strip_prefix(mark))?;
    // `경` is also the first syllable of Korean words (`3시 경보`, an alarm at 3).
    let korean_word = trimmed.starts_with('경')
        && rest
            .chars()
            .next()
            .is_some_and(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c));
    (!korean_word).then_some(rest)
}

/// Whether `c` ends a sentence as Chinese and Japanese write it, with no space after it:
/// the full stop `。` and the full-width `！` and `？`.
#[must_use]
pub fn ends_an_east_asian_sentence(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}')
}

/// Whether `c` is a letter of a script written without spaces between words (Chinese and
/// Japanese characters, kana, Korean syllables): a time runs into such a word with no space
/// (`18:00頃`, `22:00にサーバを再起動`) and is a time all the same.
#[must_use]
pub fn is_written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
            | '\u{3400}'..='\u{4dbf}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{f900}'..='\u{faff}'
            | '\u{ac00}'..='\u{d7a3}'
    )
}

/// `text` past one of `marks`, or `None` when it does not open with one. A space may stand
/// between a number and its mark, as text that spaces digits apart from Chinese
/// characters writes them (`10 月 23 日`, `19 点`).
fn after_mark<'a>(text: &'a str, marks: &[char]) -> Option<&'a str> {
    text.trim_start_matches(' ').strip_prefix(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
    }

    #[test]
    fn dates_and_times_with_a_character_after_each_number() {
        let (date, rest) = read_east_asian_date("2021年11月25日午後3時").unwrap();
        assert_eq!(date, (2021, 11, 25));
        assert_eq!(read_east_asian_time(rest), Some((hm(15, 0), true, "")));
        assert_eq!(
            read_east_asian_time("午前10時47分 iOS"),
            Some((hm(10, 47), true, " iOS"))
        );
        assert_eq!(
            read_east_asian_time("15時30分"),
            Some((hm(15, 30), false, ""))
        );
        assert_eq!(
            read_east_asian_time("下午3点20分"),
            Some((hm(15, 20), true, ""))
        );
        assert_eq!(
            read_east_asian_time("오전 2:27 ~ 오전 4:03").map(|(time, half, _)| (time, half)),
            Some((hm(2, 27), true))
        );
        assert_eq!(
            read_east_asian_time("下午 3:20").map(|(time, _, _)| time),
            Some(hm(15, 20))
        );
        // Without a half of the day named, a colon's time is no East Asian form.
        assert_eq!(read_east_asian_time("3:20"), None);
        assert_eq!(
            read_east_asian_time("오후 3시 47분"),
            Some((hm(15, 47), true, ""))
        );
        let (date, _) = read_east_asian_date("2021년 11월 25일").unwrap();
        assert_eq!(date, (2021, 11, 25));
        // The month and a dot, then the day with its character.
        let (day, rest) = read_east_asian_day("10.19일 05시경").unwrap();
        assert_eq!(day, (None, 10, 19));
        assert_eq!(read_east_asian_time(rest), Some((hm(5, 0), false, "경")));
        assert_eq!(read_east_asian_day("10.19 05시"), None);
        assert_eq!(read_east_asian_day("2022.10.19일"), None);
        // The year left out, a weekday in brackets after the day.
        let (day, rest) = read_east_asian_day("9月15日(水)\u{3000}6時00分、停止").unwrap();
        assert_eq!(day, (None, 9, 15));
        assert_eq!(
            read_east_asian_time(rest),
            Some((hm(6, 0), false, "、停止"))
        );
        let (day, rest) = read_east_asian_day("2021年9月11日（土） 5時30分").unwrap();
        assert_eq!(day, (Some(2021), 9, 11));
        assert_eq!(rest, " 5時30分");
        // Brackets that hold no weekday stay.
        assert_eq!(read_east_asian_day("9月15日(予定)").unwrap().1, "(予定)");
        assert!(read_east_asian_date("9月15日").is_none());
        // Digits spaced apart from the characters, as some Chinese text sets them.
        let (day, rest) = read_east_asian_day("12 月 18 日 08:56,阿里云").unwrap();
        assert_eq!((day, rest.trim_start()), ((None, 12, 18), "08:56,阿里云"));
        let (time, _, rest) = read_east_asian_time("19 点完成数据恢复").unwrap();
        assert_eq!(
            (time, rest),
            (NaiveTime::from_hms_opt(19, 0, 0).unwrap(), "完成数据恢复")
        );
        assert!(read_east_asian_time("2 个小时").is_none());
        assert_eq!(after_approximate_mark(" 頃 ～ 継続中"), Some(" ～ 継続中"));
        assert_eq!(after_approximate_mark("、停止"), None);
        assert_eq!(after_approximate_mark("경 서버"), Some(" 서버"));
        assert_eq!(after_approximate_mark(" 경보"), None);
        assert!(read_east_asian_time("3 hours").is_none());
    }
}
