"""Print the IR of a spec (a debugging aid until `sdkgen dump-ir` lands)."""
import sys
from pathlib import Path

from generator.config import Config
from generator.diagnostics import Sink
from generator.loader import load
from generator.normalize import normalize

ws = load(Path(sys.argv[1]))
api = normalize(ws, Config(sdk_class_name="Orq"), Sink(locator=ws.locate))
for m in api.models:
    print(m)
for op in api.operations:
    print(op)
