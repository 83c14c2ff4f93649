# asyncio producer/consumer with Queue, Lock, Event, Semaphore; all ordering from sleep(0).
import asyncio
async def producer(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0)
    await q.put(None)
async def consumer(q, out):
    while (item := await q.get()) is not None:
        out.append(item * item)
        q.task_done()
    q.task_done()
async def locked(lock, name, trace):
    async with lock:
        trace.append(f"{name}+")
        await asyncio.sleep(0)
        trace.append(f"{name}-")
async def waiter(ev, trace):
    await ev.wait()
    trace.append("event seen")
async def limited(sem, i, trace):
    async with sem:
        trace.append(i)
        await asyncio.sleep(0)
async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 6), consumer(q, out))
    print(out, q.empty(), q.qsize())
    lock, trace = asyncio.Lock(), []
    await asyncio.gather(*(locked(lock, n, trace) for n in "abc"))
    print(trace)
    ev, trace = asyncio.Event(), []
    w = asyncio.create_task(waiter(ev, trace))
    await asyncio.sleep(0)
    trace.append("setting")
    ev.set()
    await w
    print(trace)
    sem, trace = asyncio.Semaphore(2), []
    await asyncio.gather(*(limited(sem, i, trace) for i in range(5)))
    print(trace)
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b")]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(3)])
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
asyncio.run(main())
