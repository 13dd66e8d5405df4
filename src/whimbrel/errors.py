"""Named exceptions. Each has a stable ``code`` and a message a user can act on.

The library raises these; the CLI turns them into exit codes. A bad document in
a batch is not raised past the pipeline: it becomes a :class:`~whimbrel.model.Failure`.
"""

from __future__ import annotations


class WhimbrelError(Exception):
    """Base class. ``code`` is a short machine-readable name."""

    code = "error"

    def __init__(self, message: str, *, document: str | None = None):
        super().__init__(message)
        self.message = message
        self.document = document

    def __str__(self) -> str:
        if self.document:
            return f"{self.document}: {self.message}"
        return self.message


class InputError(WhimbrelError):
    """A document could not be read or decoded."""

    code = "bad_input"


class EmptyDocument(InputError):
    code = "empty"


class BinaryDocument(InputError):
    code = "binary"


class EncodingError(InputError):
    code = "encoding"


class TooLarge(InputError):
    code = "too_large"


class CorruptArchive(InputError):
    code = "corrupt_archive"


class MalformedRecord(InputError):
    code = "malformed_record"


class Unreadable(InputError):
    """A file or directory the operating system would not let us read."""

    code = "unreadable"


class ModelNotFound(WhimbrelError):
    code = "model_not_found"


class DataFileError(WhimbrelError):
    """A knowledge-base, lexicon or gazetteer file is malformed."""

    code = "data_file"


class PipelineConfigError(WhimbrelError):
    """Stages were put in an order where a stage's needs are not met."""

    code = "pipeline_config"


class StoreError(WhimbrelError):
    code = "store"


class StoreUnavailable(StoreError):
    """The database cannot be written or read at all (disk full, read-only, damaged): not one
    document's fault, so the run stops rather than recording documents as failed."""

    code = "store_unavailable"


class StoreLocked(StoreUnavailable):
    """Another process held the database for longer than the lock timeout."""

    code = "store_locked"


class UsageError(WhimbrelError):
    code = "usage"
