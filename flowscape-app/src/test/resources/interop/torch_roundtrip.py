"""Round trip between PyTorch and `flowscape analyze` (used by AnalyzeTorchRoundTripTest; see docs/interop.md).

save OUT NAME:WIDTHS:ACT:LOSS:DTYPE:SEED ...: for each case builds nn.Sequential(Linear, act, Linear, ...), stores
    its state dict as OUT/NAME/model.safetensors in DTYPE (float32, float16, bfloat16 or float64), the data as
    OUT/NAME/data.npz (x: n x d, y: n x k, or integer labels for xent), and in OUT/NAME/expected.json PyTorch's loss
    and gradient (float64, on the weights exactly as stored) flattened in Flowscape's parameter order (per layer:
    weight out x in row-major, then bias). Also writes the halves files below into OUT.
check FILE WIDTHS ACT LOSS DATA: loads weights written by Flowscape and prints PyTorch's loss and |grad| there.
halves OUT: all 65536 float16 and bfloat16 bit patterns as OUT/halves.safetensors, widened by torch in halves.npy.
"""
import json
import struct
import sys

import numpy as np
import torch

DTYPES = {"float64": torch.float64, "float32": torch.float32, "float16": torch.float16, "bfloat16": torch.bfloat16}
NAMES = {torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}
ACTS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid}


def save_safetensors(tensors, path, metadata=None):
    """The safetensors format without the safetensors package: u64 header length, JSON header, raw bytes."""
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        raw = t.reshape(-1).view(torch.uint8).numpy().tobytes()
        header[name] = {"dtype": NAMES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def load_safetensors_f64(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        assert e["dtype"] == "F64", e
        b, end = e["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[b:end], dtype="<f8").copy()).reshape(e["shape"])
    return out


def mlp(widths, act):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i + 2 < len(widths):
            layers.append(ACTS[act]())
    return torch.nn.Sequential(*layers)


def loss_of(model, x, y, loss):
    f = model(x)
    if loss == "mse":  # Flowscape's mse: 1/2 mean over samples of |f - y|^2
        return 0.5 * ((f - y) ** 2).sum(dim=1).mean()
    return torch.nn.functional.cross_entropy(f, y.reshape(-1).long())  # mean over samples


def loss_and_grad(model, x, y, loss):
    model.zero_grad()
    value = loss_of(model, x, y, loss)
    value.backward()
    grad = []
    for m in model:
        if isinstance(m, torch.nn.Linear):
            grad += m.weight.grad.reshape(-1).tolist() + m.bias.grad.reshape(-1).tolist()
    return value.item(), grad


def save(out, widths, act, loss, dtype, seed):
    torch.manual_seed(seed)
    model = mlp(widths, act).to(DTYPES[dtype])
    n = 24
    x = torch.randn(n, widths[0])
    if loss == "mse":
        y = torch.randn(n, widths[-1])
    else:
        y = torch.randint(0, widths[-1], (n,)).double()
    save_safetensors(model.state_dict(), out + "/model.safetensors", {"format": "pt"})
    np.savez(out + "/data.npz", x=x.numpy(), y=y.numpy())
    model = model.double()  # the stored weights widened exactly; PyTorch's float64 arithmetic from here
    value, grad = loss_and_grad(model, x.double(), y.double(), loss)
    with open(out + "/expected.json", "w") as f:
        json.dump({"loss": value, "grad": grad}, f)


def check(path, widths, act, loss, data):
    model = mlp(widths, act).double()
    model.load_state_dict(load_safetensors_f64(path))
    d = np.load(data)
    value, grad = loss_and_grad(model, torch.from_numpy(d["x"]).double(), torch.from_numpy(d["y"]).double(), loss)
    print(json.dumps({"loss": value, "grad_norm": float(np.linalg.norm(grad))}))


def halves(out):
    bits = torch.arange(65536, dtype=torch.int32).to(torch.int16)
    f16, bf16 = bits.view(torch.float16), bits.view(torch.bfloat16)
    save_safetensors({"f16": f16, "bf16": bf16}, out + "/halves.safetensors")
    np.save(out + "/halves.npy", torch.stack([f16.double(), bf16.double()]).numpy())


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "save":
        import os
        for case in sys.argv[3:]:
            name, widths, act, loss, dtype, seed = case.split(":")
            os.makedirs(sys.argv[2] + "/" + name, exist_ok=True)
            save(sys.argv[2] + "/" + name, [int(w) for w in widths.split("-")], act, loss, dtype, int(seed))
        halves(sys.argv[2])
    elif cmd == "check":
        check(sys.argv[2], [int(w) for w in sys.argv[3].split("-")], sys.argv[4], sys.argv[5], sys.argv[6])
    else:
        halves(sys.argv[2])
