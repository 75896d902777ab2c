"""Importers: plan documents (.docx/.txt) and units' Excel returns into the tree."""
