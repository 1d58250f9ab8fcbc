//! Picking dates: `egui_extras`' date picker set up the way Hindsight shows it, and the
//! conversions between its `jiff` dates and the model's chrono dates.

use chrono::Datelike;

/// The `egui_extras` date picker button showing `selection` in `format`, the way Hindsight
/// shows it everywhere: without an icon, and without the year, month and day drop-downs,
/// which have no names a screen reader could read (the arrows and the calendar do).
pub fn date_picker<'a>(
    selection: &'a mut jiff::civil::Date,
    id_salt: &'a str,
    format: &str,
) -> egui_extras::DatePickerButton<'a> {
    egui_extras::DatePickerButton::new(selection)
        .id_salt(id_salt)
        .combo_boxes(false)
        .show_icon(false)
        .format(format)
}

/// A chrono date as the date picker's `jiff` date.
pub fn to_jiff(date: chrono::NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year()).ok()?;
    let month = i8::try_from(date.month()).ok()?;
    let day = i8::try_from(date.day()).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// A date picked in the date picker as a chrono date; `None` outside the years a postmortem
/// may hold, so the picker cannot store what the loader would refuse.
pub fn from_jiff(date: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    let month = u32::try_from(date.month()).ok()?;
    let day = u32::try_from(date.day()).ok()?;
    chrono::NaiveDate::from_ymd_opt(i32::from(date.year()), month, day)
        .filter(|date| crate::model::date_in_range(*date))
}
