"""Moving banks in and out of the formats teachers already have: GIFT and Aiken."""
