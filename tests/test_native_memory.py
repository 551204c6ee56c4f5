"""The program keeps glibc's malloc from moving its mmap threshold up (``native_memory``): a
large block freed must not turn every later large block into a lasting hole in the heap."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.processes import ROOT, program_environment

# In a process of its own: malloc's thresholds are the whole process's.
AFTER_A_LARGE_BLOCK_IS_FREED = """
import ctypes

import piggy_desk.app  # the program's import, which settles malloc


class MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                     "uordblks", "fordblks", "keepcost")
    ]


mallinfo2 = ctypes.CDLL(None).mallinfo2
mallinfo2.restype = MallInfo2
large = bytearray(8 * 2**20)  # mapped, then freed: as Qt frees a window's old image
del large
mapped = mallinfo2().hblks
block = bytearray(2**20)  # as a page of vouchers' text
print(mallinfo2().hblks - mapped)
"""


def _glibc() -> bool:
    try:
        return bool(os.confstr("CS_GNU_LIBC_VERSION"))
    except (AttributeError, ValueError, OSError):
        return False


@pytest.mark.skipif(not _glibc(), reason="glibc's malloc only")
def test_a_large_block_after_a_larger_one_was_freed_is_still_mapped_of_its_own(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", AFTER_A_LARGE_BLOCK_IS_FREED],
        env=program_environment(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # One more mapped block: it goes back to the system when freed. glibc's own adjustment
    # had raised the threshold to 8 MiB and put it in the heap (0).
    assert done.stdout.split() == ["1"]
