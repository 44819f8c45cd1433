"""Group commit: changes queue up while the previous batch is being written, then go to
disk in one transaction, so one fsync acknowledges many answers."""

from __future__ import annotations

import asyncio
import sqlite3

from quiz.classroom.store import Operation, commit


class Journal:
    """An ordered writer: when `write()` returns, that change and every earlier one are
    committed. Only its task touches the connection after start-up."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection = connection
        self.queue: asyncio.Queue[tuple[list[Operation], asyncio.Future]] = asyncio.Queue()
        self.batches = 0
        self.task: asyncio.Task | None = None

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._run(), name="journal")

    async def write(self, operations: list[Operation]) -> None:
        if not operations:
            return
        future = asyncio.get_running_loop().create_future()
        self.queue.put_nowait((operations, future))
        await future

    async def _run(self) -> None:
        while True:
            batch = [await self.queue.get()]
            while not self.queue.empty():
                batch.append(self.queue.get_nowait())
            operations = [op for ops, _ in batch for op in ops]
            try:
                # In a thread, so the loop keeps taking answers (the next batch) meanwhile.
                await asyncio.to_thread(commit, self.connection, operations)
            except Exception as error:  # noqa: BLE001 - each waiter gets the failure
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            self.batches += 1
            for _, future in batch:
                if not future.done():
                    future.set_result(None)

    async def close(self) -> None:
        """Finish what is queued (in order, so a no-op write marks the end), then stop."""
        if self.task and not self.task.done():
            await self.write([("SELECT 1", ())])
            self.task.cancel()
