"""Checks YAML plans against adsso's JSON Schema (assets/plan.schema.json), as an editor's YAML
language server would: PyYAML reads each file, jsonschema (Draft 2020-12) validates it.

Usage: .venv-moto/bin/python tests/peers/schema_check.py SCHEMA FILE...
Prints one JSON object per file: {"file": ..., "valid": true|false, "errors": [...]}; exit 0.
"""
import json
import sys

import jsonschema
import yaml


def check(validator, path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return {"file": path, "valid": False, "errors": [f"not YAML: {error}"]}
    errors = [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(document)
    ]
    return {"file": path, "valid": not errors, "errors": errors}


def main(argv):
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft202012Validator(schema)
    for path in argv[2:]:
        print(json.dumps(check(validator, path)))


if __name__ == "__main__":
    main(sys.argv)
