"""A damaged or stale compiled actor index in the cache is rebuilt, never trusted (issue 16, item 13)."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from whimbrel.actors import kb

LINE = "x-{n}\tperson\t{code}\t\t\t{name}\t\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WHIMBREL_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _user_file(tmp_path: Path, name: str = "Zork Quux", code: str = "PRKGOV") -> Path:
    p = tmp_path / "mine.tsv"
    p.write_text(LINE.format(n=1, code=code, name=name), encoding="utf-8")
    return p


def _load(path: Path):
    return kb._load(((str(path), kb.USER_PRIORITY),))


def _codes(base, name: str) -> set[str]:
    return {r.code for e in base.lookup(name) for r in e.roles}


def _no_compile(monkeypatch):
    def fail(paths):
        raise AssertionError("the cache should have been used")

    monkeypatch.setattr(kb, "_compile", fail)


def test_an_intact_cache_is_used(cache, tmp_path, monkeypatch):
    user = _user_file(tmp_path)
    assert _codes(_load(user), "Zork Quux") == {"PRKGOV"}
    (target,) = cache.glob("actors-*.marshal")
    _no_compile(monkeypatch)
    assert _codes(_load(user), "Zork Quux") == {"PRKGOV"}  # read back, not rebuilt


@pytest.mark.parametrize("damage", ["flip_payload", "truncate", "foreign_bytes", "plain_marshal", "wrong_shape"])
def test_a_damaged_cache_is_rebuilt(cache, tmp_path, damage):
    user = _user_file(tmp_path)
    _load(user)
    (target,) = cache.glob("actors-*.marshal")
    blob = target.read_bytes()
    head = len(kb.CACHE_MAGIC) + 16 + 32
    if damage == "flip_payload":  # e.g. the index pointing at entries that are not there
        bad = bytearray(blob)
        bad[head + len(bad[head:]) // 2] ^= 0xFF
        target.write_bytes(bytes(bad))
    elif damage == "truncate":
        target.write_bytes(blob[: len(blob) // 2])
    elif damage == "foreign_bytes":
        target.write_bytes(b"not a cache at all")
    elif damage == "plain_marshal":  # the format before the header: valid marshal, no checks
        target.write_bytes(marshal.dumps(({}, {"zork quux": ("missing-id",)}, (), {}, ())))
    else:  # a valid header over a payload of the wrong shape
        import hashlib

        payload = marshal.dumps(({}, {"zork quux": ("missing-id",)}))
        key = target.name[len("actors-"):-len(".marshal")]
        target.write_bytes(kb.CACHE_MAGIC + key.encode() + hashlib.sha256(payload).digest() + payload)
    assert _codes(_load(user), "Zork Quux") == {"PRKGOV"}  # rebuilt from the files
    assert kb._read_cache(target, target.name[len("actors-"):-len(".marshal")]) is not None  # and rewritten


def test_a_changed_file_with_the_same_size_and_time_is_noticed(cache, tmp_path):
    user = _user_file(tmp_path, code="PRKGOV")
    assert _codes(_load(user), "Zork Quux") == {"PRKGOV"}
    st = user.stat()
    user.write_text(LINE.format(n=1, code="CUBGOV", name="Zork Quux"), encoding="utf-8")  # same length
    os.utime(user, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert user.stat().st_size == st.st_size and user.stat().st_mtime_ns == st.st_mtime_ns
    assert _codes(_load(user), "Zork Quux") == {"CUBGOV"}
