"""Files the desk writes appear whole or not at all, and are the owner's only."""

from __future__ import annotations

import os
import stat

import pytest

from crm.db.files import atomic_file, private_dir


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_written_file_is_whole_and_private(tmp_path):
    target = tmp_path / "out.csv"
    with atomic_file(target) as tmp:
        assert not target.exists()
        tmp.write_text("a,b\n", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "a,b\n"
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_failed_write_leaves_nothing(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError), atomic_file(target) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_when_the_new_one_is_whole(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as tmp:
        tmp.write_text("new", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"


def test_a_writer_that_creates_the_file_itself(tmp_path):
    target = tmp_path / "copy.db"
    with atomic_file(target, create=False) as tmp:
        assert not tmp.exists()
        tmp.write_bytes(b"x")
    assert target.read_bytes() == b"x"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_private_folders(tmp_path):
    folder = private_dir(tmp_path / "a" / "backups")
    assert mode(folder) == 0o700
    os.chmod(folder, 0o755)
    private_dir(folder)
    assert mode(folder) == 0o700
