-- Prices per purpose (seed 001: SMS prices differ slightly by purpose). A plan spec may have its own
-- price for some of its purposes: a fixed price for a FIXED spec, volume tiers for a CUSTOM one (with
-- the spec's step, minimum and maximum). Purposes without one pay the spec-level price (fixed_price
-- or plan_spec_tiers). Replaced whole on update, like the tiers.

create table plan_spec_purpose_prices (
  plan_spec_id   text not null references plan_specs (plan_spec_id),
  purpose        text not null check (purpose in ('VERIFICATION_NOTIFICATION', 'MARKETING', 'GENERAL')),
  -- the order the operator gave them in, kept for display
  position       integer not null,
  fixed_price    numeric(24, 9) check (fixed_price > 0),
  fixed_currency text,
  primary key (plan_spec_id, purpose),
  unique (plan_spec_id, position),
  check ((fixed_price is null) = (fixed_currency is null))
);

-- The tiers of a purpose price of a custom spec in order; max_quantity 0 = open.
create table plan_spec_purpose_tiers (
  plan_spec_id text not null,
  purpose      text not null,
  position     integer not null,
  min_quantity bigint not null,
  max_quantity bigint not null,
  unit_price   numeric(24, 9) not null check (unit_price > 0),
  currency     text not null,
  primary key (plan_spec_id, purpose, position),
  foreign key (plan_spec_id, purpose) references plan_spec_purpose_prices (plan_spec_id, purpose) on delete cascade
);

-- Whether an order line was priced with the spec's own price for its purpose. Orders placed before
-- this migration were priced with the spec-level price: false. Their amounts are not touched.
alter table orders add column purpose_price_applied boolean not null default false;

-- The default catalog (loaded at first start into an empty database) now ships a slightly higher
-- marketing price for every SMS spec. Give it to the default SMS specs of databases seeded before,
-- only where the spec still has exactly the default spec-level price (an operator's own prices stay
-- as they are) and is active; amounts keep the spec's currency. Orders already placed keep theirs.
with expected (plan_spec_id, position, min_quantity, max_quantity, unit_price) as (
  values ('sms-domestic-custom', 0, 100::bigint, 10000::bigint, 0.044::numeric),
         ('sms-domestic-custom', 1, 10000, 100000, 0.042),
         ('sms-domestic-custom', 2, 100000, 1000000, 0.040),
         ('sms-domestic-custom', 3, 1000000, 0, 0.038),
         ('sms-international-custom', 0, 100, 10000, 0.30),
         ('sms-international-custom', 1, 10000, 0, 0.28)
)
insert into plan_spec_purpose_prices (plan_spec_id, purpose, position, fixed_price, fixed_currency)
select s.plan_spec_id, 'MARKETING', 0, null, null
  from plan_specs s
 where s.plan_spec_id in ('sms-domestic-custom', 'sms-international-custom')
   and s.kind = 'CUSTOM' and s.state = 'ACTIVE'
   and s.quantity_step = 100 and s.minimum_quantity = 100 and s.maximum_quantity = 0
   and s.allowed_purposes @> array['MARKETING']
   and (select count(*) from plan_spec_tiers t where t.plan_spec_id = s.plan_spec_id)
       = (select count(*) from expected e where e.plan_spec_id = s.plan_spec_id)
   and not exists (
         select 1 from expected e
          where e.plan_spec_id = s.plan_spec_id
            and not exists (
                  select 1 from plan_spec_tiers t
                   where t.plan_spec_id = e.plan_spec_id and t.position = e.position
                     and t.min_quantity = e.min_quantity and t.max_quantity = e.max_quantity
                     and t.unit_price = e.unit_price));

insert into plan_spec_purpose_tiers (plan_spec_id, purpose, position, min_quantity, max_quantity, unit_price, currency)
select p.plan_spec_id, 'MARKETING', m.position, m.min_quantity, m.max_quantity, m.unit_price, t.currency
  from plan_spec_purpose_prices p
  join plan_spec_tiers t on t.plan_spec_id = p.plan_spec_id and t.position = 0
  join (values ('sms-domestic-custom', 0, 100::bigint, 10000::bigint, 0.046::numeric),
               ('sms-domestic-custom', 1, 10000, 100000, 0.044),
               ('sms-domestic-custom', 2, 100000, 1000000, 0.042),
               ('sms-domestic-custom', 3, 1000000, 0, 0.040),
               ('sms-international-custom', 0, 100, 10000, 0.32),
               ('sms-international-custom', 1, 10000, 0, 0.30))
       as m (plan_spec_id, position, min_quantity, max_quantity, unit_price)
    on m.plan_spec_id = p.plan_spec_id
 where p.purpose = 'MARKETING';

insert into plan_spec_purpose_prices (plan_spec_id, purpose, position, fixed_price, fixed_currency)
select s.plan_spec_id, 'MARKETING', 0, m.marketing_price, s.fixed_currency
  from plan_specs s
  join (values ('sms-domestic-5000', 5000::bigint, 215.00::numeric, 225.00::numeric),
               ('sms-domestic-100000', 100000, 4000.00, 4200.00))
       as m (plan_spec_id, quantity, default_price, marketing_price)
    on m.plan_spec_id = s.plan_spec_id
 where s.kind = 'FIXED' and s.state = 'ACTIVE'
   and s.fixed_quantity = m.quantity and s.fixed_price = m.default_price
   and s.allowed_purposes @> array['MARKETING'];
