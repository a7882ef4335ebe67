"""One exception tree for everything a user can cause or fix.

    XlateError                 base; the CLI prints ``str(err)`` on one line and exits ``exit_code``
    +-- InputError             missing, empty, binary or undecodable input; bad report file
    +-- OutputError            an output file or folder cannot be written
    +-- LanguageError          unsupported language or pair, language not detectable
    +-- EngineError            an engine failed or is not installed
    |   +-- ModelUnavailableError   the model is neither cached nor downloadable
    +-- ConfigError            a bad option value or config file
    |   +-- RayUnavailableError     Ray is not installed, or its cluster cannot be reached
    +-- PoolError              a worker process of the analysis pool died

Every message says what went wrong *and* what to do next, because the CLI shows
nothing else.
"""

from __future__ import annotations


class XlateError(Exception):
    """Base class of every error xlate reports to a user."""

    exit_code = 1


class InputError(XlateError):
    """The input file or text cannot be used."""


class OutputError(XlateError):
    """An output file or folder cannot be written."""


class LanguageError(XlateError):
    """A language or language pair that xlate cannot handle."""


class EngineError(XlateError):
    """A translation engine is missing or failed."""


class ModelUnavailableError(EngineError):
    """The model is not available locally and cannot be downloaded."""


class ConfigError(XlateError):
    """An option or configuration value is invalid."""


class RayUnavailableError(ConfigError):
    """Ray is not installed, or the cluster cannot be reached."""


class PoolError(XlateError):
    """A worker process died (killed, or out of memory)."""
