//! The list an export or an API answer holds its messages in: the whole file a JSON list, or
//! one field of the object the API answers with (`{"messages": [...]}`, `{"value": [...]}`).

use serde::de::DeserializeOwned;

/// The items of `text`: a JSON list of them, or the list an object holds under `key`;
/// `None` when `text` is neither, or an item is not a `T`.
pub(super) fn list_or_field<T: DeserializeOwned>(text: &str, key: &str) -> Option<Vec<T>> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return serde_json::from_str(trimmed).ok();
    }
    let mut object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(trimmed).ok()?;
    serde_json::from_value(object.remove(key)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_or_the_list_an_answer_holds() {
        assert_eq!(list_or_field::<u8>("[1, 2]", "value"), Some(vec![1, 2]));
        assert_eq!(
            list_or_field::<u8>("{\"ok\": true, \"value\": [3]}", "value"),
            Some(vec![3])
        );
        assert_eq!(list_or_field::<u8>("{\"other\": [3]}", "value"), None);
        assert_eq!(list_or_field::<u8>("[\"a\"]", "value"), None);
    }
}
