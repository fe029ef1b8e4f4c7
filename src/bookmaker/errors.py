"""Fatal errors, each with the exit code the CLI returns for it.

Exit codes (stable, documented in the README): 0 ok, 1 build failed, 2 usage or input error.
"""

from __future__ import annotations


class BookmakerError(Exception):
    """Base class: the message is one line meant for the user."""

    exit_code = 1


class InputError(BookmakerError):
    """The input cannot be read or understood (missing, empty, binary, bad encoding, bad IR)."""

    exit_code = 2


class UsageError(BookmakerError):
    """The command line or a setting is wrong."""

    exit_code = 2


class BuildError(BookmakerError):
    """Rendering or writing an output failed."""

    exit_code = 1
