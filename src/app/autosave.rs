//! Recovery copies of unsaved work, written a few seconds after the last change on a helper
//! thread, so a crash or a kill loses at most those seconds and typing never waits on a disk.

use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::model::Postmortem;
use crate::session::OpenDocument;
use crate::storage::{RecoveryError, RecoveryFolder, RecoveryInfo, SessionLock};

/// How long typing must pause before a copy is written, in seconds.
const QUIET_SECONDS: f64 = 2.0;

/// The longest a change waits for its copy while typing goes on without a pause, in seconds:
/// the most a crash can lose. The user guide (docs/user-guide.md) states it.
pub const MAX_DELAY_SECONDS: f64 = 5.0;

/// Stands for the revision of a copy adopted from an earlier session; no revision has it.
const ADOPTED_COPY: u64 = u64::MAX;

/// How long quitting waits for the last copy or deletion to reach the disk.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

enum Job {
    Write {
        id: String,
        doc: Box<Postmortem>,
        info: RecoveryInfo,
    },
    Remove {
        id: String,
        with_lock: bool,
        /// The lock of a copy left by another session, held until its files are gone.
        _held: Option<SessionLock>,
    },
}

/// Jobs queued and not yet done, with a signal for whoever waits for none.
#[derive(Default)]
struct Outstanding {
    count: Mutex<usize>,
    done: Condvar,
}

impl Outstanding {
    fn add(&self) {
        *self.count.lock().unwrap_or_else(PoisonError::into_inner) += 1;
    }

    fn finish(&self) {
        let mut count = self.count.lock().unwrap_or_else(PoisonError::into_inner);
        *count = count.saturating_sub(1);
        self.done.notify_all();
    }

    fn wait_for_none(&self, timeout: Duration) {
        let count = self.count.lock().unwrap_or_else(PoisonError::into_inner);
        let _waited = self
            .done
            .wait_timeout_while(count, timeout, |count| *count > 0)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

/// A change that has no copy yet.
#[derive(Clone, Copy, Debug)]
struct Pending {
    revision: u64,
    first_change: f64,
    last_change: f64,
}

/// Keeps this session's recovery copy in step with the open document.
pub struct Autosave {
    folder: RecoveryFolder,
    id: String,
    /// Held, never read: while it lives no other session offers this session's copy.
    lock: SessionLock,
    jobs: mpsc::Sender<Job>,
    outstanding: Arc<Outstanding>,
    /// The last failure to write a copy, for the status bar; cleared by the next success.
    failure: Arc<Mutex<Option<String>>>,
    /// The revision whose copy is on disk or on its way, if there is a copy.
    copied: Option<u64>,
    pending: Option<Pending>,
}

impl Autosave {
    /// Starts a session with its own ID in `folder`, holding the session's lock.
    pub fn start(folder: RecoveryFolder) -> Result<Self, RecoveryError> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let lock = folder.take_lock(&id)?;
        let outstanding = Arc::new(Outstanding::default());
        let failure = Arc::new(Mutex::new(None));
        let (jobs, queue) = mpsc::channel();
        let writer = Writer {
            folder: folder.clone(),
            outstanding: Arc::clone(&outstanding),
            failure: Arc::clone(&failure),
        };
        thread::Builder::new()
            .name("hindsight-recovery".to_owned())
            .spawn(move || writer.run(&queue))
            .map_err(RecoveryError::Writer)?;
        Ok(Self {
            folder,
            id,
            lock,
            jobs,
            outstanding,
            failure,
            copied: None,
            pending: None,
        })
    }

    /// The folder the copies go to.
    pub const fn folder(&self) -> &RecoveryFolder {
        &self.folder
    }

    /// The session's ID, which names its copy.
    #[cfg(feature = "testing")]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Looks at the document once a frame: writes a copy when a change is due one, deletes
    /// the copy once nothing is unsaved. Returns how long until it needs to look again, when
    /// a copy is waiting to be written.
    pub fn tick(
        &mut self,
        document: &OpenDocument,
        now: f64,
        wall_clock: impl FnOnce() -> NaiveDateTime,
    ) -> Option<Duration> {
        if !document.is_dirty() {
            self.pending = None;
            if self.copied.take().is_some() {
                self.send(Job::Remove {
                    id: self.id.clone(),
                    with_lock: false,
                    _held: None,
                });
            }
            return None;
        }
        let revision = document.revision();
        if self.copied == Some(revision) {
            self.pending = None;
            return None;
        }
        let pending = match self.pending {
            Some(pending) if pending.revision == revision => pending,
            Some(pending) => Pending {
                revision,
                last_change: now,
                ..pending
            },
            None => Pending {
                revision,
                first_change: now,
                last_change: now,
            },
        };
        let due =
            (pending.last_change + QUIET_SECONDS).min(pending.first_change + MAX_DELAY_SECONDS);
        if now < due {
            self.pending = Some(pending);
            return Some(Duration::from_secs_f64(due - now));
        }
        self.pending = None;
        self.copied = Some(revision);
        self.send(Job::Write {
            id: self.id.clone(),
            doc: Box::new(document.doc().clone()),
            info: RecoveryInfo {
                file: document.path().map(ToOwned::to_owned),
                written: wall_clock(),
                file_content: document.disk_content(),
            },
        });
        None
    }

    /// Continues under the ID of a restored copy, so that copy stays until the restored
    /// document is saved or discarded; this session's own copy and lock go.
    pub fn adopt(&mut self, id: &str) -> Result<(), RecoveryError> {
        let lock = self.folder.take_lock(id)?;
        let own = std::mem::replace(&mut self.id, id.to_owned());
        self.send(Job::Remove {
            id: own,
            with_lock: true,
            _held: None,
        });
        self.lock = lock;
        // The restored copy is on disk already, under no revision of this session: the next
        // change replaces it, a save deletes it.
        self.copied = Some(ADOPTED_COPY);
        self.pending = None;
        Ok(())
    }

    /// Deletes a copy some earlier session left, when the person discards it. Its lock is
    /// taken first, so a copy that another window has restored in the meantime (and is
    /// keeping up to date) is never deleted.
    pub fn discard_left_behind(&self, id: &str) -> Result<(), RecoveryError> {
        let lock = self.folder.take_lock(id)?;
        self.send(Job::Remove {
            id: id.to_owned(),
            with_lock: true,
            _held: Some(lock),
        });
        Ok(())
    }

    /// Why the last copy could not be written, until one is.
    pub fn failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits (a few seconds at most) until every queued copy and deletion is on disk.
    pub fn flush(&self) {
        self.outstanding.wait_for_none(FLUSH_TIMEOUT);
    }

    /// Deletes this session's copy and lock and waits for that to reach the disk.
    pub fn discard_own(&mut self) {
        self.copied = None;
        self.pending = None;
        self.send(Job::Remove {
            id: self.id.clone(),
            with_lock: true,
            _held: None,
        });
        self.flush();
    }

    /// At a normal exit: the copy stays only if unsaved work is being left behind
    /// deliberately (it never is: quitting asks first), so the session's files go.
    pub fn finish(&mut self, document: &OpenDocument) {
        if !document.is_dirty() {
            self.copied = None;
            self.send(Job::Remove {
                id: self.id.clone(),
                with_lock: true,
                _held: None,
            });
        }
        self.flush();
    }

    fn send(&self, job: Job) {
        self.outstanding.add();
        if self.jobs.send(job).is_err() {
            // The writer thread is gone (it only ends if it panicked): nothing will be done.
            self.outstanding.finish();
            *self.failure.lock().unwrap_or_else(PoisonError::into_inner) =
                Some("the recovery writer stopped".to_owned());
        }
    }
}

/// The helper thread's side: does the jobs in order, so a deletion never overtakes the copy
/// it deletes.
struct Writer {
    folder: RecoveryFolder,
    outstanding: Arc<Outstanding>,
    failure: Arc<Mutex<Option<String>>>,
}

impl Writer {
    fn run(&self, queue: &mpsc::Receiver<Job>) {
        while let Ok(mut job) = queue.recv() {
            // Only the newest copy matters: skip writes that a later write replaces.
            while let Ok(next) = queue.try_recv() {
                let skipped_write =
                    matches!(job, Job::Write { .. }) && matches!(next, Job::Write { .. });
                if skipped_write {
                    self.outstanding.finish();
                } else {
                    self.run_one(&job);
                }
                job = next;
            }
            self.run_one(&job);
        }
    }

    fn run_one(&self, job: &Job) {
        let result = match job {
            Job::Write { id, doc, info } => self
                .folder
                .write(id, doc, info)
                .map_err(|error| error.to_string()),
            Job::Remove { id, with_lock, .. } => if *with_lock {
                self.folder.remove_with_lock(id)
            } else {
                self.folder.remove(id)
            }
            .map_err(|error| format!("could not delete the recovery copy: {error}")),
        };
        *self.failure.lock().unwrap_or_else(PoisonError::into_inner) = result.err();
        self.outstanding.finish();
    }
}
