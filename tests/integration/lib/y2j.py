#!/usr/bin/env python3
"""YAML -> JSON with briefmake's reading of plain scalars: null (~, null, empty), true/false,
decimal integers and floats as numbers (finite only); everything else, quoted or not, is text.
Also a module: schema_write_mutations.py reads YAML with its Loader.

  y2j.py YAML JSON [YAML JSON]...
"""
import json, math, re, sys, yaml
class Loader(yaml.SafeLoader):
    pass
Loader.yaml_implicit_resolvers = {}
Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
Loader.add_implicit_resolver("tag:yaml.org,2002:float",
                             re.compile(r"^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789."))
Loader.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node), 10))
def construct_float(loader, node):
    text = loader.construct_scalar(node)
    value = float(text)
    return value if math.isfinite(value) else text
Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
if __name__ == "__main__":   # y2j.py YAML JSON [YAML JSON]...
    for src, dst in zip(sys.argv[1::2], sys.argv[2::2]):
        with open(src, encoding="utf-8") as f:
            data = yaml.load(f, Loader=Loader)
        with open(dst, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
