/**
 * The plain-SQL baseline of bench/store.bench.ts: rights exploded to one row
 * per (title, country, media leaf) on PostgreSQL, and the catalog-wide
 * question as one SQL query over them.
 */
/**
 * One row per (title, country, media leaf) of every block that counts (the
 * same contract rules as loadEngineBlocks): rights in → bench_in; sold, held
 * and held back → bench_out. Countries and media leaves are small integers
 * (their position in the code tables, as bench_country / bench_media say),
 * titles an integer surrogate (bench_title): 50 million text keys would not
 * index in the time budget.
 */
/**
 * Rows of `source` (rights_blocks or holdbacks) whose contract passes `where`,
 * one per country and media leaf. The set of each block is mapped to code
 * positions once (OFFSET 0 keeps the subquery from being flattened, which
 * would map the media list again for every country).
 */
const exploded = (source: 'rights_blocks' | 'holdbacks', columns: string, where: string) => `
  select b.n, c, m, b.s, b.e, ${columns}
  from (select t.n, coalesce(r.start_date::date, '-infinity') as s, coalesce(r.end_date::date, 'infinity') as e, k.status,
               ${source === 'rights_blocks' ? 'r.exclusive = 1' : 'false'} as x,
               array(select c.pos from jsonb_array_elements_text(r.territory_codes::jsonb) as tc(code) join bench_country c on c.code = tc.code) as cs,
               array(select m.pos from jsonb_array_elements_text(r.media_ids::jsonb) as mc(id) join bench_media m on m.id = mc.id) as ms
        from ${source} r join contracts k on k.id = r.contract_id join bench_title t on t.id = r.title_id
        where k.deleted_at is null and ${where}
        offset 0) b
  cross join unnest(b.cs) as c cross join unnest(b.ms) as m`;

const noAutovacuum = 'with (autovacuum_enabled = false)'; // analyzed by hand; a vacuum of 3 GB mid-measurement would skew the timings
export const EXPLODE_SQL = {
  setup: [
    `create table bench_title (n integer primary key, id text not null unique)`,
    `insert into bench_title select row_number() over (order by id), id from titles`,
    `create table bench_country (pos smallint primary key, code text not null unique)`,
    `insert into bench_country select (o - 1)::smallint, c from unnest($1::text[]) with ordinality as x(c, o)`,
    `create table bench_media (pos smallint primary key, id text not null unique)`,
    `insert into bench_media select (o - 1)::smallint, m from unnest($1::text[]) with ordinality as x(m, o)`,
    `create unlogged table bench_in (title integer not null, country smallint not null, media smallint not null, start_d date not null, end_d date not null, exclusive boolean not null) ${noAutovacuum}`,
    `create unlogged table bench_out (title integer not null, country smallint not null, media smallint not null, start_d date not null, end_d date not null, exclusive boolean not null, kind text not null) ${noAutovacuum}`,
  ],
  // these two run side by side, on two connections
  in: [
    `insert into bench_in ${exploded('rights_blocks', 'b.x', `k.direction = 'in' and k.status in ('signed', 'announced')`)}`,
    `create index bench_in_cmt on bench_in (country, media, title)`,
  ],
  out: [
    `insert into bench_out ${exploded('rights_blocks', `b.x, case when b.status = 'negotiating' then 'hold' else 'out' end`, `k.direction = 'out' and k.status in ('signed', 'announced', 'negotiating')`)}`,
    `insert into bench_out ${exploded('holdbacks', `b.x, 'holdback'`, `k.direction <> 'third-party' and k.status in ('signed', 'announced')`)}`,
    `create index bench_out_cmt on bench_out (country, media, title)`,
  ],
  // and a checkpoint: the explosion left gigabytes of dirty pages, whose writing would otherwise
  // compete with both measurements for this machine's two cores
  finish: [`analyze bench_title, bench_country, bench_media, bench_in, bench_out`, `checkpoint`],
};

/**
 * "Exclusive, free for this (country, media) for the whole window": an
 * exclusive rights-in row covering the window, and no sale, hold or holdback
 * row (exclusive or not: an exclusive grant is blocked by any) overlapping it.
 */
export const FREE_SQL = `
  select distinct t.id
  from bench_in i join bench_title t on t.n = i.title
  where i.country = (select pos from bench_country where code = $1)
    and i.media = (select pos from bench_media where id = $2)
    and i.exclusive and i.start_d <= $3::date and i.end_d >= $4::date
    and not exists (
      select 1 from bench_out o
      where o.country = i.country and o.media = i.media and o.title = i.title
        and o.start_d <= $4::date and o.end_d >= $3::date)`;
