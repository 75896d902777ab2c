"""Qt-free domain rules: numbering, deadlines, text folding, working days, errors."""
