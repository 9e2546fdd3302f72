"""pvops: privileged-operation virtualisation (pv_ops tables, hyperprivops,
hypercalls, the XSI area).  Not built yet."""
