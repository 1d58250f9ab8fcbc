//! A fingerprint of a file's bytes, to tell whether a file still holds what the editor last
//! read or wrote. Sizes and modification times are not enough: a due date changed from
//! `2025-08-05` to `2025-08-12` keeps the size, and on network and FAT file systems the time
//! may not move within its resolution.

use std::fmt;
use std::hash::Hasher as _;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use siphasher::sip128::{Hasher128, SipHasher13};

/// The fingerprint of some bytes. SipHash-1-3 with fixed keys gives the same value in every
/// run and every build, so a fingerprint kept in a recovery copy's notes still means the same
/// bytes after a restart.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentHash(u128);

impl ContentHash {
    /// The fingerprint of `bytes`.
    #[must_use]
    pub fn of(bytes: &[u8]) -> Self {
        let mut hasher = SipHasher13::new();
        hasher.write(bytes);
        Self(hasher.finish128().as_u128())
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentHash({:032x})", self.0)
    }
}

impl Serialize for ContentHash {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{:032x}", self.0))
    }
}

impl<'de> Deserialize<'de> for ContentHash {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        u128::from_str_radix(&text, 16)
            .map(Self)
            .map_err(|_| serde::de::Error::custom("a content hash is 32 hex digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_give_the_same_hash_in_every_run() {
        // A fixed value: a hash that changed between builds would make every restored
        // recovery copy look like the file had changed.
        assert_eq!(
            format!("{:?}", ContentHash::of(b"due: Some(\"2025-08-05\")")),
            "ContentHash(160bc02dc2a740aa71cc5f246f2b6a42)"
        );
        assert_ne!(
            ContentHash::of(b"due: Some(\"2025-08-05\")"),
            ContentHash::of(b"due: Some(\"2025-08-12\")")
        );
        let text = ron::to_string(&ContentHash::of(b"x")).unwrap();
        assert_eq!(
            ron::from_str::<ContentHash>(&text).unwrap(),
            ContentHash::of(b"x")
        );
    }
}
