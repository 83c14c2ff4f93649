# async def coroutines driven by hand (no event loop): send, await chains, async generators.
import types
class Yield:
    def __init__(self, v): self.v = v
    def __await__(self):
        got = yield self.v
        return got
async def child(n):
    total = 0
    for i in range(n):
        total += await Yield(i)
    return total
async def parent():
    a = await child(3)
    b = await child(2)
    return a, b
coro = parent()
value = coro.send(None)
sent = []
try:
    while True:
        sent.append(value)
        value = coro.send(value * 10)
except StopIteration as e:
    print("result", e.value, "yielded", sent)
@types.coroutine
def legacy():
    x = yield "legacy"
    return x + 1
async def uses_legacy():
    return await legacy()
c = uses_legacy()
print(c.send(None))
try:
    c.send(41)
except StopIteration as e:
    print("legacy result", e.value)
async def agen(n):
    for i in range(n):
        yield i * i
async def consume():
    out = [v async for v in agen(4)]
    async with Ctx() as name:
        out.append(name)
    return out
class Ctx:
    async def __aenter__(self): return "ctx"
    async def __aexit__(self, *a): print("aexit", a); return False
try:
    consume().send(None)
except StopIteration as e:
    print("consume", e.value)
c2 = child(1)
print(type(c2).__name__, c2.cr_running, c2.__qualname__)
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
