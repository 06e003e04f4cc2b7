"""Files the desk writes: whole or not at all, readable by their owner only.

Every file that holds personal data (the database and its side files, backups, safety copies,
exports, rejects, reports) goes through here. It lives in the data layer because the database
file itself needs it; the services use it for everything else.

- `atomic_file(path)`: a context manager that yields a temporary path in the target folder
  (so the final rename never crosses file systems), created 0600; on a clean exit the file is
  flushed to disk and renamed over `path`, on an exception it is removed. A crash in between
  leaves only a hidden `.name.tmp-*` file, never a partial file under the final name.
- `private_dir(path)`: creates the folder (and parents) 0700.
- `make_private(path)`: chmod 0600 on an existing file, where the platform has POSIX modes.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_MARK = ".tmp-"


def _posix() -> bool:
    return os.name == "posix"


def private_dir(path: Path) -> Path:
    """Create `path` (and its missing parents) readable by the owner only; return it."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if _posix():
        # mkdir's mode is filtered by the umask, and an existing folder keeps its mode.
        with contextlib.suppress(PermissionError):
            path.chmod(DIR_MODE)
    return path


def make_private(path: Path) -> None:
    """Restrict an existing file to its owner (no-op where modes do not exist)."""
    if _posix():
        with contextlib.suppress(FileNotFoundError, PermissionError):
            Path(path).chmod(FILE_MODE)


def temp_path_for(path: Path) -> Path:
    """A hidden, unique name beside `path`: the same folder, so the rename is atomic."""
    path = Path(path)
    return path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")


def create_private(path: Path) -> None:
    """Create an empty file with mode 0600 from the start (not chmod after: no window)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    if not _posix():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(path: Path, *, create: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it to `path` when the block succeeds.

    With `create=True` the temporary file exists (empty, 0600) when the block starts; pass
    `create=False` when the writer must create it itself (e.g. SQLite's backup target),
    then the file is made private before the rename.
    """
    path = Path(path)
    tmp = temp_path_for(path)
    if create:
        create_private(tmp)
    try:
        yield tmp
        make_private(tmp)
        fsync_file(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
