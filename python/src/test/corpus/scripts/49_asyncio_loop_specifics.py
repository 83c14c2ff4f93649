# Where asyncio under Pyodide shows its JavaScript event loop: the loop class and its policy.
# The scheduling results are the same as CPython's; only the names differ (see the .md).
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    print("loop class:", type(loop).__name__)
    order = []
    loop.call_soon(order.append, "soon-1")
    loop.call_later(0, order.append, "later-0")
    loop.call_soon(order.append, "soon-2")
    await asyncio.sleep(0)
    print("after one sleep(0):", order)
    await asyncio.sleep(0)
    print("after two:", order)
    print(loop.is_running(), loop.is_closed(), asyncio.current_task().get_coro().__qualname__)
    return "done"
print(asyncio.run(main()))
