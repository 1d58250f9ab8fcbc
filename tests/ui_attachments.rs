//! Attached files in the editor, driven as a person would: the Attach button under a
//! section and under the selected row, the caption, View, Remove, Undo, and saving an
//! untitled document with its files.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    Queryable, ScriptedDialogs, click, editor, editor_with_example, example_file, retype, save,
};
use egui_kittest::Harness;
use hindsight::app::{DialogKind, DialogOutcome, HindsightApp, OpenDocument};
use hindsight::model::{AttachedTo, Section};
use hindsight::storage;
use hindsight::ui::Part;

/// A small real PNG (2×1 pixels), so the loaders have something to decode.
fn png(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut bytes = Vec::new();
    let image = image::RgbaImage::from_raw(2, 1, vec![255, 0, 0, 255, 0, 0, 255, 255]).unwrap();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

/// PNG's checksum of a chunk, so the header is one a decoder accepts.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffff_u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Runs frames until `done` holds (egui's loaders decode on threads of their own, so frames
/// go on meanwhile), for at most a few seconds; whether it came to hold.
fn runs_until(
    harness: &mut Harness<'_, HindsightApp>,
    done: impl Fn(&Harness<'_, HindsightApp>) -> bool,
) -> bool {
    for _ in 0..300 {
        harness.run();
        if done(harness) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    false
}

fn on_file(dir: &Path, dialogs: &ScriptedDialogs) -> (Harness<'static, HindsightApp>, PathBuf) {
    let path = example_file(dir, "inc-812.ron");
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    (editor(document, dialogs), path)
}

fn show(harness: &mut Harness<'_, HindsightApp>, part: &str) {
    harness.get_by_label(part).click();
    harness.run();
}

#[test]
fn a_file_attached_under_a_section_is_stored_beside_the_postmortem_and_captioned() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "p99 latency.png");
    let dialogs = ScriptedDialogs::default();
    let (mut harness, path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(graph.clone()));
    click(&mut harness, "Attach a file to the Impact section");
    assert_eq!(dialogs.asked().last().unwrap().kind, DialogKind::Attach);

    let doc = harness.state().document().doc().clone();
    let [attachment] = doc.attachments.as_slice() else {
        panic!("{:?}", doc.attachments);
    };
    assert_eq!(attachment.place, AttachedTo::Section(Section::Impact));
    assert_eq!(attachment.original_name, "p99 latency.png");
    assert_eq!(
        fs::read(storage::file_of(&path, attachment).unwrap()).unwrap(),
        fs::read(&graph).unwrap()
    );
    // The thumbnail is an image a screen reader names by the file until it has a caption.
    harness.run();
    assert!(harness.query_by_label("p99 latency.png").is_some());

    retype(
        &mut harness,
        "Caption of p99 latency.png",
        "p99 latency at the peak",
    );
    assert_eq!(
        harness.state().document().doc().attachments[0].caption,
        "p99 latency at the peak"
    );
    save(&mut harness);
    let saved = storage::load(&path).unwrap();
    assert_eq!(saved.attachments[0].caption, "p99 latency at the peak");
    assert!(harness.query_by_label("p99 latency at the peak").is_some());
}

#[test]
fn a_removed_file_stays_on_disk_while_undo_can_bring_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "errors.png");
    let dialogs = ScriptedDialogs::default();
    let (mut harness, path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(graph));
    click(&mut harness, "Attach a file to the postmortem");
    let attachment = harness.state().document().doc().attachments[0].clone();
    assert_eq!(attachment.place, AttachedTo::Document);
    let stored = storage::file_of(&path, &attachment).unwrap();

    click(&mut harness, "Remove errors.png");
    assert!(harness.state().document().doc().attachments.is_empty());
    save(&mut harness);
    assert!(storage::load(&path).unwrap().attachments.is_empty());
    // Undo can still bring the reference back, so its file is kept.
    assert!(stored.exists());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document().doc().attachments, [attachment]);
    save(&mut harness);
    assert_eq!(storage::load(&path).unwrap().attachments.len(), 1);
    assert!(stored.exists());
}

#[test]
fn the_selected_rows_files_show_below_the_table_and_attach_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "spike.png");
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Timeline (13)");
    click(&mut harness, "Event, row 3");
    dialogs.will_answer(DialogOutcome::Chosen(graph));
    click(&mut harness, "Attach a file to row 3");
    let doc = harness.state().document().doc().clone();
    assert_eq!(
        doc.attachments[0].place,
        AttachedTo::Row(doc.timeline[2].id)
    );
    // The row's evidence cell counts its files.
    assert!(
        harness
            .query_by_label("1 file attached to row 3: show them")
            .is_some()
    );
}

#[test]
fn an_untitled_documents_files_go_beside_it_when_it_is_first_saved() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "graph.png");
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(graph.clone()));
    click(&mut harness, "Attach a file to the Detection section");
    assert!(harness.state().document().path().is_none());
    let target = dir.path().join("inc-900.ron");
    dialogs.will_answer(DialogOutcome::Chosen(target.clone()));
    save(&mut harness);
    let saved = storage::load(&target).unwrap();
    let [attachment] = saved.attachments.as_slice() else {
        panic!("{:?}", saved.attachments);
    };
    assert!(
        attachment.path.starts_with("inc-900.files/"),
        "{}",
        attachment.path
    );
    assert_eq!(
        fs::read(storage::file_of(&target, attachment).unwrap()).unwrap(),
        fs::read(&graph).unwrap()
    );
    assert_eq!(
        harness.state().document().doc().attachments,
        saved.attachments
    );
}

#[test]
fn the_viewer_shows_one_image_whole_and_closes() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "graph.png");
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(graph));
    click(&mut harness, "Attach a file to the Resolution section");
    click(&mut harness, "View graph.png");
    assert!(harness.query_by_label("Fit").is_some());
    // The zoom buttons narrow and widen the part of the image in view.
    let fitted = harness.state().viewer_view().unwrap();
    assert!(fitted.is_positive(), "{fitted:?}");
    click(&mut harness, "Zoom in");
    let nearer = harness.state().viewer_view().unwrap();
    assert!(
        (nearer.width() - fitted.width() * 0.8).abs() < 0.01,
        "{nearer:?}"
    );
    assert_eq!(nearer.center(), fitted.center());
    click(&mut harness, "Zoom out");
    let back = harness.state().viewer_view().unwrap();
    assert!((back.width() - fitted.width()).abs() < 0.01, "{back:?}");
    click(&mut harness, "Close");
    assert!(harness.query_by_label("Fit").is_none());
    assert_eq!(harness.state().part(), Part::Analysis);
}

#[test]
fn an_image_too_large_to_show_is_a_broken_mark_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    // A PNG header claiming 100,000 × 100,000 pixels: a decompression bomb's shape.
    let bomb = dir.path().join("bomb.png");
    let mut chunk = b"IHDR".to_vec();
    chunk.extend(100_000_u32.to_be_bytes());
    chunk.extend(100_000_u32.to_be_bytes());
    chunk.extend([8, 6, 0, 0, 0]);
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\r".to_vec();
    bytes.extend(&chunk);
    bytes.extend(crc32(&chunk).to_be_bytes());
    // A decoder reads the chunks up to the image data before it gives the size.
    for name in [b"IDAT", b"IEND"] {
        bytes.extend(0_u32.to_be_bytes());
        bytes.extend(name);
        bytes.extend(crc32(name).to_be_bytes());
    }
    fs::write(&bomb, bytes).unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(bomb));
    click(&mut harness, "Attach a file to the Impact section");
    harness.run();
    // The mark says why, where the thumbnail would be.
    harness.get_by(|node| {
        node.value()
            .is_some_and(|text| text.starts_with('\u{26a0}') && text.contains("100000\u{d7}100000"))
    });
}

/// A screenshot tool's copy on the clipboard, as egui hands it over on Ctrl+V.
fn paste_screenshot(harness: &mut Harness<'_, HindsightApp>) {
    let image = egui::ColorImage::new([3, 2], vec![egui::Color32::RED; 6]);
    harness.event(egui::Event::PasteImage(std::sync::Arc::new(image)));
    harness.run();
}

#[test]
fn a_screenshot_pasted_while_typing_in_a_section_is_attached_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    click(&mut harness, "Detection");
    paste_screenshot(&mut harness);
    let doc = harness.state().document().doc().clone();
    let [attachment] = doc.attachments.as_slice() else {
        panic!("{:?}", doc.attachments);
    };
    assert_eq!(attachment.place, AttachedTo::Section(Section::Detection));
    assert_eq!(attachment.original_name, "Pasted image 2025-08-10.png");
    let stored = fs::read(storage::file_of(&path, attachment).unwrap()).unwrap();
    let decoded = image::load_from_memory(&stored).unwrap().to_rgba8();
    assert_eq!((decoded.width(), decoded.height()), (3, 2));
    assert_eq!(decoded.get_pixel(0, 0).0, [255, 0, 0, 255]);
    // The section's text is as it was: the image is not text.
    assert_eq!(
        doc.narrative.detection,
        storage::load(&path).unwrap().narrative.detection
    );
}

#[test]
fn a_screenshot_pasted_on_the_timeline_goes_to_the_selected_row() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Timeline (13)");
    click(&mut harness, "Event, row 5");
    paste_screenshot(&mut harness);
    let doc = harness.state().document().doc().clone();
    assert_eq!(doc.attachments.len(), 1);
    assert_eq!(
        doc.attachments[0].place,
        AttachedTo::Row(doc.timeline[4].id)
    );
}

#[test]
fn a_markdown_postmortems_images_come_in_with_it_and_are_saved_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    fs::create_dir(&notes).unwrap();
    let graph = png(&notes, "errors.png");
    fs::write(
        notes.join("inc-620.md"),
        "# Checkout errors\n\n## Impact\n\nCheckout failed.\n\n![Error rate](errors.png)\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = common::editor_from_command_line(Some(notes.join("inc-620.md")), &dialogs);
    let doc = harness.state().document().doc().clone();
    assert_eq!(doc.attachments.len(), 1);
    assert_eq!(doc.attachments[0].caption, "Error rate");
    assert_eq!(doc.narrative.impact.trim(), "Checkout failed.");
    click(&mut harness, "Close");
    let target = dir.path().join("inc-620.ron");
    dialogs.will_answer(DialogOutcome::Chosen(target.clone()));
    save(&mut harness);
    let saved = storage::load(&target).unwrap();
    assert_eq!(
        fs::read(storage::file_of(&target, &saved.attachments[0]).unwrap()).unwrap(),
        fs::read(&graph).unwrap()
    );
}

#[test]
fn an_image_cut_short_shows_why_once_the_loaders_have_tried_it_and_nothing_stalls() {
    let dir = tempfile::tempdir().unwrap();
    let whole = png(dir.path(), "whole.png");
    let bytes = fs::read(&whole).unwrap();
    // The header is whole; the image data is cut off in the middle.
    let cut = dir.path().join("cut.png");
    fs::write(&cut, &bytes[..bytes.len() - 20]).unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(cut));
    click(&mut harness, "Attach a file to the Impact section");
    // The loaders decode on threads of their own: frames go on meanwhile.
    let found = runs_until(&mut harness, |harness| {
        harness
            .query_all_by(|node| {
                node.value()
                    .is_some_and(|text| text.starts_with("\u{26a0} The image cannot be shown"))
            })
            .next()
            .is_some()
    });
    assert!(found, "the broken mark never showed");
}

#[test]
fn a_pasted_screenshot_survives_save_and_reopen_and_shows_in_both_exports() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    click(&mut harness, "Impact");
    paste_screenshot(&mut harness);
    retype(
        &mut harness,
        "Caption of Pasted image 2025-08-10.png",
        "Error rate at the peak",
    );
    save(&mut harness);

    // Reopened in a new window, it is there, with its caption, under its section.
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    let mut reopened = editor(document, &dialogs);
    show(&mut reopened, "Analysis");
    let doc = reopened.state().document().doc().clone();
    assert_eq!(doc.attachments.len(), 1);
    assert_eq!(
        doc.attachments[0].place,
        AttachedTo::Section(Section::Impact)
    );
    assert!(
        reopened
            .query_by_label("Caption of Pasted image 2025-08-10.png")
            .is_some()
    );
    let shown = runs_until(&mut reopened, |harness| {
        harness.query_by_label("Error rate at the peak").is_some()
    });
    assert!(shown, "the thumbnail never showed");

    // File → Export embeds it in the page and links it from the Markdown.
    for (item, name) in [
        ("HTML\u{2026}", "inc-812.html"),
        ("Markdown\u{2026}", "inc-812.md"),
    ] {
        dialogs.will_answer(DialogOutcome::Chosen(dir.path().join(name)));
        reopened.get_by_label("File").click();
        reopened.run();
        reopened.get_by_label("Export").hover();
        reopened.run();
        reopened.get_by_label(item).click();
        reopened.run();
    }
    let page = fs::read_to_string(dir.path().join("inc-812.html")).unwrap();
    assert!(
        page.contains("<img src=\"data:image/png;base64,")
            && page.contains("alt=\"Error rate at the peak\""),
        "the page does not embed the screenshot"
    );
    let markdown = fs::read_to_string(dir.path().join("inc-812.md")).unwrap();
    assert!(
        markdown.contains(&format!(
            "![Error rate at the peak](<{}> \"Pasted image 2025-08-10.png\")",
            doc.attachments[0].path
        )),
        "{markdown}"
    );
}

#[test]
fn a_missing_attached_file_is_an_error_in_the_checks_and_a_mark_where_it_belongs() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-812.ron");
    let mut doc = storage::load(&path).unwrap();
    doc.attachments.push(hindsight::model::Attachment {
        path: "inc-812.files/gone.png".to_owned(),
        caption: "Error rate".to_owned(),
        original_name: "errors.png".to_owned(),
        place: AttachedTo::Section(Section::Impact),
    });
    storage::save(&path, &doc).unwrap();
    let dialogs = ScriptedDialogs::default();
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    let mut harness = editor(document, &dialogs);
    // The side panel counts it with the other problems.
    assert!(harness.query_by_label("Checks (1)").is_some());
    show(&mut harness, "Checks (1)");
    harness.get_by_label_contains(
        "The attached file \u{201c}Error rate\u{201d} is not at inc-812.files/gone.png",
    );
    show(&mut harness, "Analysis");
    harness.get_by(|node| {
        node.value()
            .is_some_and(|text| text == "\u{26a0} The file is not there: inc-812.files/gone.png")
    });
}

#[test]
fn files_dropped_on_the_window_are_attached_where_the_person_is() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "graph.png");
    let log = dir.path().join("server.log");
    fs::write(&log, "14:03 ERROR pool exhausted\n").unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, path) = on_file(dir.path(), &dialogs);
    // On the timeline with a row selected, they go to the row.
    show(&mut harness, "Timeline (13)");
    click(&mut harness, "Event, row 2");
    common::drop_files(&mut harness, &[graph.clone(), log]);
    let doc = harness.state().document().doc().clone();
    let places: Vec<AttachedTo> = doc.attachments.iter().map(|a| a.place).collect();
    assert_eq!(places, [AttachedTo::Row(doc.timeline[1].id); 2]);
    assert_eq!(doc.attachments[1].original_name, "server.log");
    assert!(
        storage::file_of(&path, &doc.attachments[1])
            .unwrap()
            .is_file()
    );
    // Elsewhere, to the postmortem as a whole.
    show(&mut harness, "Overview");
    common::drop_files(&mut harness, &[graph]);
    let doc = harness.state().document().doc().clone();
    assert_eq!(doc.attachments[2].place, AttachedTo::Document);
    assert_eq!(harness.state().part(), Part::Analysis);
}

#[test]
fn an_svg_drawing_is_shown_drawn_off_the_editors_thread() {
    let dir = tempfile::tempdir().unwrap();
    let drawing = dir.path().join("architecture.svg");
    // It claims to be a million pixels wide: it is drawn at the thumbnail's size all the same.
    fs::write(
        &drawing,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="1000000" height="500000"><rect width="1000000" height="500000" fill="#3366cc"/></svg>"##,
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(drawing));
    click(&mut harness, "Attach a file to the Root cause section");
    let drawn = runs_until(&mut harness, |harness| {
        let image = harness.query_by(|node| {
            node.role() == egui::accesskit::Role::Image
                && node.label().as_deref() == Some("architecture.svg")
        });
        image.is_some()
            && harness
                .query_all_by(|node| {
                    node.value()
                        .is_some_and(|text| text.starts_with('\u{26a0}'))
                })
                .next()
                .is_none()
            && !harness
                .ctx
                .loaders()
                .image
                .lock()
                .iter()
                .any(|loader| loader.has_pending())
    });
    assert!(drawn, "the drawing never showed");
}

#[test]
fn a_file_in_a_section_of_the_teams_own_moves_with_it_and_outlives_it() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "graph.png");
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    click(&mut harness, "Add section");
    click(&mut harness, "Add section");
    retype(&mut harness, "Title of section 2", "Customer communication");
    dialogs.will_answer(DialogOutcome::Chosen(graph));
    click(
        &mut harness,
        "Attach a file to the section Customer communication",
    );
    let place =
        |harness: &Harness<'_, HindsightApp>| harness.state().document().doc().attachments[0].place;
    assert_eq!(place(&harness), AttachedTo::Custom(1));
    click(&mut harness, "Move section Customer communication up");
    assert_eq!(place(&harness), AttachedTo::Custom(0));
    assert_eq!(
        harness.state().document().doc().narrative.custom_sections[0].title,
        "Customer communication"
    );
    click(&mut harness, "Remove section Customer communication");
    assert_eq!(place(&harness), AttachedTo::Document);
    // Undo brings the section back with its file.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(place(&harness), AttachedTo::Custom(0));
}

#[test]
fn a_save_asks_before_removing_files_hindsight_did_not_write_and_asks_once() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let (mut harness, path) = on_file(dir.path(), &dialogs);
    let folder = storage::folder_for(&path);
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("notes.txt"), "mine").unwrap();
    fs::write(folder.join("draft.png"), "mine too").unwrap();
    retype(&mut harness, "Title", "Checkout errors");
    save(&mut harness);
    harness.get_by_label("Files Hindsight did not put there");
    click(&mut harness, "Keep them");
    assert!(folder.join("notes.txt").exists() && folder.join("draft.png").exists());
    // Kept once, not asked about again.
    retype(&mut harness, "Title", "Checkout errors after the deploy");
    save(&mut harness);
    assert!(
        harness
            .query_by_label("Files Hindsight did not put there")
            .is_none()
    );

    // A new one is asked about; removed when the person says so.
    fs::write(folder.join("scratch.log"), "tmp").unwrap();
    retype(&mut harness, "Title", "Checkout errors");
    save(&mut harness);
    harness.get_by_label("Files Hindsight did not put there");
    click(&mut harness, "Remove them");
    assert!(!folder.join("scratch.log").exists());
    assert!(folder.join("notes.txt").exists());
}

#[test]
fn save_as_takes_the_files_to_the_new_names_folder() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "graph.png");
    let dialogs = ScriptedDialogs::default();
    let (mut harness, _path) = on_file(dir.path(), &dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(graph.clone()));
    click(&mut harness, "Attach a file to the Impact section");
    save(&mut harness);
    let renamed = dir.path().join("inc-812-checkout.ron");
    dialogs.will_answer(DialogOutcome::Chosen(renamed.clone()));
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run();
    let saved = storage::load(&renamed).unwrap();
    assert!(
        saved.attachments[0]
            .path
            .starts_with("inc-812-checkout.files/")
    );
    assert_eq!(
        fs::read(storage::file_of(&renamed, &saved.attachments[0]).unwrap()).unwrap(),
        fs::read(&graph).unwrap()
    );
    assert_eq!(harness.state().document().path(), Some(renamed.as_path()));
}

#[test]
fn an_untitled_documents_page_embeds_the_files_it_holds_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let graph = png(dir.path(), "graph.png");
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    show(&mut harness, "Analysis");
    dialogs.will_answer(DialogOutcome::Chosen(graph));
    click(&mut harness, "Attach a file to the Impact section");
    assert!(harness.state().document().path().is_none());
    let page_path = dir.path().join("draft.html");
    dialogs.will_answer(DialogOutcome::Chosen(page_path.clone()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("HTML\u{2026}").click();
    harness.run();
    let page = fs::read_to_string(&page_path).unwrap();
    assert!(
        page.contains("<img src=\"data:image/png;base64,") && !page.contains("was not found"),
        "the page does not embed the file held in memory"
    );
}
