# asyncio.run with tasks, gather, sleep(0), cancellation, exceptions in tasks.
import asyncio
log = []
async def step(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name * n
async def failing():
    await asyncio.sleep(0)
    raise ValueError("task failed")
async def forever():
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
async def main():
    t1 = asyncio.create_task(step("a", 3), name="t-a")
    t2 = asyncio.create_task(step("b", 2))
    print(await t1, await t2, t1.get_name(), t1.done())
    print(await asyncio.gather(step("x", 2), step("y", 1), failing(), return_exceptions=True))
    try:
        await asyncio.gather(step("z", 1), failing())
    except ValueError as e:
        print("gather raised", e)
    f = asyncio.create_task(forever())
    for _ in range(3):
        await asyncio.sleep(0)
    f.cancel()
    try:
        await f
    except asyncio.CancelledError:
        print("forever cancelled", f.cancelled())
    try:
        await asyncio.wait_for(asyncio.Event().wait(), timeout=0)
    except TimeoutError:
        print("wait_for timed out")
    async with asyncio.TaskGroup() as tg:
        r = [tg.create_task(step(c, 1)) for c in "pq"]
    print([t.result() for t in r])
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, "future done")
    print(await fut)
    return "main done"
print(asyncio.run(main()))
print(log)
