# Object-heavy code: classes with __slots__ and without, inheritance and super(), properties, attribute reads and
# writes, method calls, small short-lived objects (vectors made by operators), and a dict of instances.
import json
import time


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Body:
    def __init__(self, ident, pos, vel):
        self.ident = ident
        self.pos = pos
        self.vel = vel
        self.hits = 0

    @property
    def energy(self):
        return 0.5 * self.vel.dot(self.vel)

    def step(self, dt):
        self.pos = self.pos + self.vel.scale(dt)
        if self.pos.x < 0 or self.pos.x > 100:
            self.vel = Vec(-self.vel.x, self.vel.y)
            self.hits += 1
        if self.pos.y < 0 or self.pos.y > 100:
            self.vel = Vec(self.vel.x, -self.vel.y)
            self.hits += 1


class HeavyBody(Body):
    def __init__(self, ident, pos, vel, mass):
        super().__init__(ident, pos, vel)
        self.mass = mass

    @property
    def energy(self):
        return self.mass * super().energy


def workload():
    bodies = {}
    for i in range(1000):
        pos = Vec(i % 100, (i * 7) % 100)
        vel = Vec((i % 13) - 6, (i % 7) - 3)
        bodies[i] = HeavyBody(i, pos, vel, 1 + i % 3) if i % 4 == 0 else Body(i, pos, vel)
    for _ in range(60):
        for b in bodies.values():
            b.step(0.5)
    total = 0.0
    hits = 0
    for b in bodies.values():
        total += b.energy
        hits += b.hits
    return [round(total, 6), hits]


for p in (1, 2, 3):
    t0 = time.perf_counter()
    result = workload()
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"workload": "objects", "pass": p, "ms": round(ms, 3), "check": result}), flush=True)
