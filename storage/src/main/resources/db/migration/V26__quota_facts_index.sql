-- CheckQuota's remaining quantity (rp_quota_facts, R__usage_functions.sql) takes off the packages of
-- one product, region and purpose that expired since the expiry pass last ran. Its statement keeps
-- one generic plan, and with packages_live_by_expiry (V20: account and expiry only) the generic
-- plan chose packages_burn_down instead, whose rows include every lapsed package: at 1,000,000
-- packages a CheckQuota read 55,000 of them (about 50 ms; docs/benchmark.md, issue 19). This index
-- holds only live packages, keyed as the statement asks, so every plan of it reads just those.
create index packages_live_by_product_expiry on packages (account_id, product_id, region_id, purpose, expire_time)
  where not exhausted and not lapsed;
