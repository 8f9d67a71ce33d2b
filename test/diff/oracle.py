# The differential fuzzer's Python oracle: runs generated programs in CPython (with numpy, and torch where present)
# and answers, per point, the value and a Ridders-extrapolated central-difference gradient of CPython's own values.
#
# Protocol: one JSON request per stdin line, {"id", "source", "name", "shape": [null | n, ...], "points": [[...]]},
# one JSON answer per stdout line, {"id", "results": [{"value", "gradient", "errors"}]} or {"id", "invalid": why}.
# Numbers that JSON cannot carry (nan, inf, -inf) travel as strings; a value CPython refuses with a math error
# (ZeroDivisionError, OverflowError, math domain error, a complex result) is "undefined".
import json
import math
import signal
import sys
import warnings

warnings.simplefilter('ignore')


class Undefined(Exception):
    pass


def call(fn, shape, flat):
    flat = [float(v) for v in flat]
    args, k = [], 0
    for n in shape:
        if n is None:
            args.append(flat[k])
            k += 1
        else:
            args.append(list(flat[k:k + n]))
            k += n
    try:
        v = fn(*args)
    except (ZeroDivisionError, OverflowError) as e:
        raise Undefined(str(e))
    except ValueError as e:
        if 'math domain error' in str(e) or 'cannot convert float' in str(e):
            raise Undefined(str(e))
        raise
    if isinstance(v, complex):
        raise Undefined('complex result')
    return float(v)


def ridders(f, x, i, h):
    """Numerical Recipes' dfridr: Ridders' extrapolation of central differences in coordinate i."""
    con, big, ntab, safe = 1.4, 1e300, 10, 2.0
    a = [[0.0] * ntab for _ in range(ntab)]

    scale = [0.0]

    def central(hh):
        up, down = list(x), list(x)
        up[i] += hh
        down[i] -= hh
        fu, fd = f(up), f(down)
        scale[0] = max(scale[0], abs(fu), abs(fd))
        return (fu - fd) / (2 * hh)

    hh = h
    a[0][0] = central(hh)
    err, ans = big, a[0][0]
    for k in range(1, ntab):
        hh /= con
        a[0][k] = central(hh)
        fac = con * con
        for j in range(1, k + 1):
            a[j][k] = (a[j - 1][k] * fac - a[j - 1][k - 1]) / (fac - 1)
            fac *= con * con
            errt = max(abs(a[j][k] - a[j - 1][k]), abs(a[j][k] - a[j - 1][k - 1]))
            if errt <= err:
                err, ans = errt, a[j][k]
        if abs(a[k][k] - a[k - 1][k - 1]) >= safe * err:
            break
    # The extrapolation cannot see rounding in f itself: differences of values near |f| carry eps*|f|/h each.
    err = max(err, 4 * 2.2e-16 * scale[0] / hh)
    # A staircase finer than the steps (`x // y` with x/y in the thousands) fools the extrapolation: its slope is
    # consistent from step to step. A step a million times smaller sees the flat treads.
    tiny = 1e-7 * max(1.0, abs(x[i]))
    near = central(tiny)
    if abs(near - ans) > 1e-3 * max(1.0, abs(ans)) + 4 * 2.2e-16 * scale[0] / tiny:
        err = math.inf
    return ans, err


def encode(v):
    if v is None:
        return None
    if math.isnan(v):
        return 'nan'
    if math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    return v


def at_point(fn, shape, flat):
    try:
        value = call(fn, shape, flat)
    except Undefined:
        return {'value': 'undefined', 'gradient': [], 'errors': []}
    gradient, errors = [], []
    f = lambda p: call(fn, shape, p)
    jumpy = False
    for k in (1, -1, 2, -2):
        try:
            near = f([float(v) + k * 1e-12 * max(abs(float(v)), 1e-3) for v in flat])
        except Undefined:
            near = math.nan
        if not (abs(near - value) <= 1e-9 * max(1.0, abs(value))) and not (math.isnan(near) and math.isnan(value)) and near != value:
            jumpy = True
    for i in range(len(flat)):
        try:
            g, e = ridders(f, [float(v) for v in flat], i, max(1e-3, 1e-9 * abs(float(flat[i]))))
            ok = math.isfinite(g) and math.isfinite(e)
            gradient.append(encode(g) if ok else None)
            errors.append(e if ok else None)
        except (Undefined, ArithmeticError, ValueError):
            gradient.append(None)
            errors.append(None)
    return {'value': encode(value), 'gradient': gradient, 'errors': errors, 'jumpy': jumpy}


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout('the program ran longer than 20 s')


def answer(request):
    namespace = {}
    signal.alarm(20)
    try:
        exec(compile(request['source'], '<generated>', 'exec'), namespace)
        fn = namespace[request['name']]
        return {'results': [at_point(fn, request['shape'], p) for p in request['points']]}
    except Exception as e:  # the program is not valid Python for this point: not a test of Downhill
        return {'invalid': '%s: %s' % (type(e).__name__, e)}
    finally:
        signal.alarm(0)


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    try:
        import numpy
        numpy.seterr(all='ignore')
    except ImportError:
        print(json.dumps({'numpy': False}), flush=True)
    else:
        print(json.dumps({'numpy': True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        reply = answer(request)
        reply['id'] = request['id']
        sys.stdout.write(json.dumps(reply) + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    main()
