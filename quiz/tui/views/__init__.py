"""Renderables built from the core's plain data, shared by several screens."""
