"""Round trip between PyTorch and Flowscape's layers: models (used by LayersTorchRoundTripTest; see docs/interop.md).

save OUT NAME;SPEC;LOSS;DTYPE;SEED ...: for each case builds the nn.Sequential that the layers: SPEC describes
    (Linear, Conv1d, Conv2d, AvgPool1d/2d, Flatten, activations, and Residual(x + body(x)) with an nn.Sequential
    attribute `body`), stores its state dict as OUT/NAME/model.safetensors in DTYPE (float32 or float64), the data as
    OUT/NAME/data.npz (x: n x C*H*W flattened rows, y: n x k or integer labels for xent), and in OUT/NAME/expected.json
    PyTorch's float64 loss, gradient and Hessian-vector product H v for a seeded direction v, all flattened in the
    order of model.parameters() (Flowscape's theta order).
check FILE SPEC LOSS DATA: loads weights written by Flowscape and prints PyTorch's loss and |grad| there.
"""
import json
import os
import struct
import sys

import numpy as np
import torch

DTYPES = {"float64": torch.float64, "float32": torch.float32}
NAMES = {torch.float64: "F64", torch.float32: "F32"}
ACTS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "softplus": torch.nn.Softplus,
        "identity": torch.nn.Identity}


class Residual(torch.nn.Module):
    """x + body(x): Flowscape's res(L/L/...), with the body's parameters named body.0.weight, ..."""

    def __init__(self, *body):
        super().__init__()
        self.body = torch.nn.Sequential(*body)

    def forward(self, x):
        return x + self.body(x)


def split(s):
    """Splits at the slashes outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "/" and depth == 0:
            parts.append(s[start:i])
            start = i + 1
    parts.append(s[start:])
    return parts


def build(parts, shape):
    """The modules of the layer specs `parts` on an input of `shape` (a tuple C[,H],W or (D,)); returns (mods, shape)."""
    mods = []
    for p in parts:
        if p.startswith("res("):
            body, out = build(split(p[4:-1]), shape)
            assert out == shape, (p, shape, out)
            mods.append(Residual(*body))
        elif p == "flatten":
            mods.append(torch.nn.Flatten())
            shape = (int(np.prod(shape)),)
        elif p.startswith("dense="):
            out, _, opt = p[6:].partition(":")
            mods.append(torch.nn.Linear(shape[0], int(out), bias=opt != "nobias"))
            shape = (int(out),)
        elif p.startswith("conv="):
            body, _, opt = p[5:].partition(":")
            f = [int(v) for v in body.split(",")] + [1, 0][len(body.split(",")) - 2:]
            out, k, stride, pad = f[:4]
            conv = torch.nn.Conv1d if len(shape) == 2 else torch.nn.Conv2d
            mods.append(conv(shape[0], out, k, stride, pad, bias=opt != "nobias"))
            size = [(s + 2 * pad - k) // stride + 1 for s in shape[1:]]
            shape = (out, *size)
        elif p.startswith("avgpool="):
            k = int(p[8:])
            mods.append(torch.nn.AvgPool1d(k) if len(shape) == 2 else torch.nn.AvgPool2d(k))
            shape = (shape[0], *[s // k for s in shape[1:]])
        else:
            mods.append(ACTS[p]())
    return mods, shape


def model_of(spec):
    parts = split(spec[len("layers:"):])
    shape = tuple(int(v) for v in parts[0].split("x"))
    mods, out = build(parts[1:], shape)
    return torch.nn.Sequential(*mods), shape, out


def loss_of(model, shape, x, y, loss):
    f = model(x.reshape(x.shape[0], *shape))
    if loss == "mse":  # Flowscape's mse: 1/2 mean over samples of |f - y|^2
        return 0.5 * ((f - y) ** 2).sum(dim=1).mean()
    return torch.nn.functional.cross_entropy(f, y.reshape(-1).long())


def save_safetensors(tensors, path):
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        raw = t.reshape(-1).view(torch.uint8).numpy().tobytes()
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def load_safetensors_f64(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, e in header.items():
        if name != "__metadata__":
            b, end = e["data_offsets"]
            out[name] = torch.from_numpy(np.frombuffer(data[b:end], dtype="<f8").copy()).reshape(e["shape"])
    return out


def save(out, spec, loss, dtype, seed):
    torch.manual_seed(seed)
    model, shape, k = model_of(spec)
    model = model.to(DTYPES[dtype])
    n = 13
    x = torch.randn(n, int(np.prod(shape)))
    y = torch.randn(n, k[0]) if loss == "mse" else torch.randint(0, k[0], (n,)).double()
    save_safetensors(model.state_dict(), out + "/model.safetensors")
    np.savez(out + "/data.npz", x=x.numpy(), y=y.numpy())
    model = model.double()
    params = list(model.parameters())
    value = loss_of(model, shape, x.double(), y.double(), loss)
    grads = torch.autograd.grad(value, params, create_graph=True)
    v = [torch.randn(p.shape, dtype=torch.float64) for p in params]
    hv = torch.autograd.grad(sum((g * d).sum() for g, d in zip(grads, v)), params)
    flat = lambda ts: torch.cat([t.reshape(-1) for t in ts]).tolist()
    with open(out + "/expected.json", "w") as f:
        json.dump({"loss": value.item(), "grad": flat(grads), "v": flat(v), "hv": flat(hv),
                   "keys": list(model.state_dict().keys())}, f)


def check(path, spec, loss, data):
    model, shape, _ = model_of(spec)
    model = model.double()
    model.load_state_dict(load_safetensors_f64(path))
    d = np.load(data)
    value = loss_of(model, shape, torch.from_numpy(d["x"]).double(), torch.from_numpy(d["y"]).double(), loss)
    grads = torch.autograd.grad(value, list(model.parameters()))
    print(json.dumps({"loss": value.item(), "grad_norm": float(torch.cat([g.reshape(-1) for g in grads]).norm())}))


if __name__ == "__main__":
    if sys.argv[1] == "save":
        for case in sys.argv[3:]:
            name, spec, loss, dtype, seed = case.split(";")
            os.makedirs(sys.argv[2] + "/" + name, exist_ok=True)
            save(sys.argv[2] + "/" + name, spec, loss, dtype, int(seed))
    elif sys.argv[1] == "check":
        check(*sys.argv[2:6])
