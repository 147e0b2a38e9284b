"""Pure matching cores: no Django imports, plain data in, frozen dataclasses out."""
