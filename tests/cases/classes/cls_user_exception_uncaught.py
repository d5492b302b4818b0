class ConfigError(Exception):
    pass
def load(cfg):
    if "name" not in cfg:
        raise ConfigError("missing required key 'name'")
    return cfg["name"]
print(load({"name": "svc"}))
load({})
