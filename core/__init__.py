"""The ground floor: what every app may import. It imports no app of the project."""
