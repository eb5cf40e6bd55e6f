-- Identity verification, agreement versions and their acceptances, pay-as-you-go activations.

-- Submissions. Only a masked document number is kept (see DocumentNumbers). At most one
-- submission per account waits for review.
create table identity_verifications (
  account_id               text not null references accounts (account_id),
  identity_verification_id text not null,
  subject_type             text not null check (subject_type in ('PERSONAL', 'ENTERPRISE')),
  legal_name               text not null,
  document_number_masked   text not null check (document_number_masked ~ '^\*+[A-Za-z0-9-]{4}$'),
  state                    text not null check (state in ('PENDING', 'VERIFIED', 'REJECTED')),
  rejection_reason         text not null,
  submit_time              timestamptz not null,
  review_time              timestamptz,
  primary key (account_id, identity_verification_id),
  check ((state = 'PENDING') = (review_time is null)),
  check ((state = 'REJECTED') = (rejection_reason <> ''))
);

create unique index identity_verifications_one_pending
  on identity_verifications (account_id) where state = 'PENDING';
create index identity_verifications_by_account
  on identity_verifications (account_id, submit_time, identity_verification_id);
-- The operator's queue and review look-ups span accounts.
create index identity_verifications_by_state
  on identity_verifications (state, submit_time, identity_verification_id);
create index identity_verifications_by_id on identity_verifications (identity_verification_id);

-- Published agreement versions (not account-owned). The last one published of a kind is current.
create table terms_versions (
  kind         text not null check (kind in ('RESOURCE_PLAN', 'PAY_AS_YOU_GO', 'MARKETPLACE', 'WORKSPACE')),
  version      text not null,
  title        text not null,
  url          text not null,
  publish_time timestamptz not null,
  publish_seq  bigint generated always as identity unique,
  primary key (kind, version)
);

-- A fresh server can sell at once: one published version of every agreement.
insert into terms_versions (kind, version, title, url, publish_time) values
  ('RESOURCE_PLAN', '2026-01', 'Resource Plan Terms of Service',
   'https://resourceplans.io/terms/resource-plan/2026-01', '2026-01-01T00:00:00Z'),
  ('PAY_AS_YOU_GO', '2026-01', 'Pay-as-you-go Activation Agreement',
   'https://resourceplans.io/terms/pay-as-you-go/2026-01', '2026-01-01T00:00:00Z'),
  ('MARKETPLACE', '2026-01', 'Marketplace Agreement',
   'https://resourceplans.io/terms/marketplace/2026-01', '2026-01-01T00:00:00Z'),
  ('WORKSPACE', '2026-01', 'Workspace Terms of Service',
   'https://resourceplans.io/terms/workspace/2026-01', '2026-01-01T00:00:00Z');

-- Who accepted which version of which agreement, for what (e.g. 'order:ord-...'), and when.
-- accepted_by is the sub-user ID, or the API key ID of a main-account key.
create table terms_acceptances (
  account_id          text not null references accounts (account_id),
  terms_acceptance_id text not null,
  kind                text not null,
  version             text not null,
  accepted_by         text not null,
  subject             text not null,
  accept_time         timestamptz not null,
  primary key (account_id, terms_acceptance_id),
  foreign key (kind, version) references terms_versions (kind, version)
);

create index terms_acceptances_by_subject on terms_acceptances (account_id, subject);

-- Pay-as-you-go activations: one per account, product and region, never removed. product_id has
-- no foreign key here: products come with another migration.
create table pay_as_you_go_activations (
  account_id                 text not null references accounts (account_id),
  product_id                 text not null,
  region_id                  text not null references regions (region_id),
  accepted_agreement_version text not null,
  activate_time              timestamptz not null,
  primary key (account_id, product_id, region_id)
);
