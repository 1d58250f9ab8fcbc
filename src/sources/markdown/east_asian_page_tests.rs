//! Notices in Chinese and Japanese copied from a web page as text: labels in brackets
//! (`【原因】`), bullets kept as characters (`・`, `•`), sentences closed by `。`, and a day
//! on a line of its own over that day's times.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Asia::{Shanghai, Tokyo};

use super::tests::{actions_and_statuses, row_times, section_titles};
use super::*;
use crate::model::ActionStatus;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
}

/// A Japanese notice of a failure, with its bracketed labels and middle-dot bullets, no
/// blank line anywhere.
const NOTICE: &str = "2025/03/14\n\
    ファイル共有サービスの接続障害に関するお知らせ\n\
    いつもご利用いただき、誠にありがとうございます。\n\
    2025年3月12日(水)にファイル共有サービスへ接続できない事象が発生いたしました。\n\
    以下にご報告いたします。\n\
    【障害発生日時】\n\
    ・2025年3月12日(水) 09:40\n\
    【障害復旧日時】\n\
    ・2025年3月12日(水) 11:05\n\
    【原因】\n\
    ・証明書の更新漏れ\n\
    【対応策】\n\
    ・証明書を更新し、サービスを再起動しました。\n\
    ・証明書の期限監視を実施しました。\n\
    ※ご不明な点はサポートまでお問い合わせください\n\
    ご迷惑をおかけしましたことを深くお詫び申し上げます。\n";

#[test]
fn a_japanese_notice_keeps_its_sentences_as_text_and_its_countermeasures_as_done_work() {
    let doc = import_markdown(NOTICE, today()).doc;
    // A sentence closed by `。` and a note opened by `※` are no headings; the labels in
    // brackets are.
    let titles = section_titles(&doc);
    assert!(
        !titles
            .iter()
            .any(|title| title.ends_with('。') || title.starts_with('※')),
        "{titles:?}"
    );
    assert_eq!(
        actions_and_statuses(&doc),
        [
            (
                "証明書を更新し、サービスを再起動しました。",
                ActionStatus::Done
            ),
            ("証明書の期限監視を実施しました。", ActionStatus::Done),
        ]
    );
    let at = |h, m| {
        Some(
            Tokyo
                .with_ymd_and_hms(2025, 3, 12, h, m, 0)
                .unwrap()
                .to_utc(),
        )
    };
    assert_eq!(row_times(&doc), [at(9, 40), at(11, 5)]);
}

#[test]
fn a_day_on_its_own_line_dates_the_bulleted_times_below_it() {
    let text = "尊敬的用户:\n\
        由于网络设备故障,系统出现访问异常,经过如下:\n\
        2023年5月8日:\n\
        • 22:10 监控报警,接口响应变慢;\n\
        • 22:30 技术人员切换备用线路;\n\
        2023年5月9日:\n\
        • 6:45 再次报警;\n\
        • 7:20 更换故障设备,服务恢复正常。\n\
        后续处理:\n\
        • 2023年5月9日 14:00 – 2023年5月10日 2:00 技术人员对设备进行压力测试;\n\
        • 2023年5月10日 9:00 – 9:30 切换回主线路。\n\
        给您带来不便,我们深感抱歉。\n";
    let doc = import_markdown(text, today()).doc;
    let at = |d, h, m| {
        Some(
            Shanghai
                .with_ymd_and_hms(2023, 5, d, h, m, 0)
                .unwrap()
                .to_utc(),
        )
    };
    // `6:45` is the morning of the 9th, as the line above it says, not an evening after
    // 22:30; the range that ends on the next day starts when it says.
    assert_eq!(
        row_times(&doc),
        [
            at(8, 22, 10),
            at(8, 22, 30),
            at(9, 6, 45),
            at(9, 7, 20),
            at(9, 14, 0),
            at(10, 9, 0)
        ]
    );
    let tested = doc.timeline.get(4).map(|row| row.event.as_str());
    assert_eq!(tested, Some("技术人员对设备进行压力测试;"));
}
