"""Work for the sandbox's children, in a module without Django: a child imports it to unpickle the work."""

from __future__ import annotations

import time


def spin_forever() -> None:
    while True:
        pass


def allocate_too_much() -> int:
    blocks = [bytearray(32 * 1024 * 1024) for _ in range(64)]  # 2 GB, beyond the 128 MB allowed
    return len(blocks)


def sleep_forever() -> None:
    time.sleep(3600)


def answer() -> int:
    return 42


def niceness() -> int:
    import os

    return os.nice(0)
