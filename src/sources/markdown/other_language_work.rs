//! Work a postmortem's closing prose commits to in French, German, Spanish, Italian,
//! Portuguese or Dutch. Read by its subject, its tense and its purpose, as the English
//! reader in `closing_work` reads `we will` and `we have`.

use super::commitment::Commitment;

/// What a sentence in French, German, Spanish, Italian, Portuguese or Dutch commits its
/// writers to against the incident happening again (`Nous avons depuis ajusté nos
/// procédures … afin d'éviter qu'une telle situation ne se reproduise`, `Wir werden die
/// Überwachung erweitern, um das künftig zu vermeiden`): the writers as the subject, a
/// perfect or a future, and a purpose that looks at a recurrence. Without that purpose such
/// a sentence is as often the story or a notice (`Nous allons vous tenir informés`).
pub(super) fn committed_in_another_language(padded: &str) -> Option<Commitment> {
    const RECURRENCE: [&str; 22] = [
        "se reproduise",
        "se reproduire",
        "l'avenir",
        "éviter",
        "récidive",
        // `wieder` and `erneut` alone are as often `wieder erreichbar` (reachable again).
        "nicht wieder",
        "nicht erneut",
        "künftig",
        "zukunft",
        "vermeiden",
        "vuelva a",
        "el futuro",
        "evitar",
        "in futuro",
        "evitare",
        "si ripeta",
        "no futuro",
        "se repita",
        "toekomst",
        // `voorkomen` alone also means to occur.
        "te voorkomen",
        "prevenir",
        "prévenir",
    ];
    const DONE: [&str; 8] = [
        " nous avons ",
        " wir haben ",
        " hemos ",
        " abbiamo ",
        " temos ",
        " we hebben ",
        " wij hebben ",
        " nous sommes ",
    ];
    const TO_COME: [&str; 12] = [
        " nous allons ",
        " nous prévoyons ",
        " nous travaillons ",
        " wir werden ",
        " wir arbeiten ",
        " vamos a ",
        " estamos trabajando ",
        " stiamo ",
        " vamos ",
        " estamos trabalhando ",
        " we gaan ",
        " we zullen ",
    ];
    if !RECURRENCE.iter().any(|purpose| padded.contains(purpose)) {
        return None;
    }
    if TO_COME.iter().any(|subject| padded.contains(subject)) {
        Some(Commitment::ToCome)
    } else if DONE.iter().any(|subject| padded.contains(subject)) {
        Some(Commitment::Done)
    } else {
        None
    }
}
