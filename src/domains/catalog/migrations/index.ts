import { sql, type Kysely } from 'kysely';
import { isPostgres, type Migrations } from '../../../kernel/db/index.js';
import { ledgerIndexMigrations0409 } from './ledger-index-0409.js';

export const catalogMigrations: Migrations = {
  '0401_catalog': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('products')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('umkm_id', 'text', (c) => c.notNull().references('umkm.id'))
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('description_en', 'text')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('listing_state', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('products_umkm').on('products').column('umkm_id').execute();
      await db.schema
        .createIndex('products_listed')
        .on('products')
        .columns(['listed', 'category'])
        .execute();
      await db.schema
        .createIndex('products_village')
        .on('products')
        .column('village_code')
        .execute();
      await db.schema
        .createTable('variants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull().unique())
        .addColumn('price', 'integer', (c) => c.notNull().check(sql`price > 0`))
        .addColumn('weight_grams', 'integer', (c) => c.notNull().check(sql`weight_grams > 0`))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('variants_product').on('variants').column('product_id').execute();
      await db.schema
        .createTable('stock')
        .addColumn('variant_id', 'text', (c) => c.primaryKey().references('variants.id'))
        .addColumn('location_kind', 'text', (c) => c.notNull())
        .addColumn('location_id', 'text', (c) => c.notNull())
        .addColumn('available', 'integer', (c) => c.notNull().check(sql`available >= 0`))
        .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0).check(sql`reserved >= 0`))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('stock_ledger')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('variant_id', 'text', (c) => c.notNull().references('variants.id'))
        .addColumn('delta_available', 'integer', (c) => c.notNull())
        .addColumn('delta_reserved', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('ref', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('stock_ledger_variant')
        .on('stock_ledger')
        .columns(['variant_id', 'at'])
        .execute();
      await db.schema
        .createTable('photos')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
        .addColumn('alt', 'text', (c) => c.notNull())
        .addColumn('path_stem', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('photos_product').on('photos').column('product_id').execute();
    },
  },
  // The search document of each product (normalised, stemmed text plus the filter columns),
  // indexed by FTS5 on SQLite and by a weighted tsvector with GIN on PostgreSQL.
  '0402_catalog_search': {
    async up(db: Kysely<any>) {
      const pg = isPostgres(db);
      await db.schema
        .createTable('product_search')
        .addColumn('doc_id', pg ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('product_id', 'text', (c) => c.notNull().unique().references('products.id'))
        .addColumn('umkm_id', 'text', (c) => c.notNull())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('listed', 'integer', (c) => c.notNull())
        .addColumn('price_min', 'integer', (c) => c.notNull())
        .addColumn('price_max', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('names', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('product_search_listed_cat')
        .on('product_search')
        .columns(['listed', 'category', 'created_at'])
        .execute();
      await db.schema
        .createIndex('product_search_listed_village')
        .on('product_search')
        .columns(['listed', 'village_code'])
        .execute();
      await db.schema
        .createIndex('product_search_listed_created')
        .on('product_search')
        .columns(['listed', 'created_at'])
        .execute();
      await db.schema
        .createIndex('variants_product_active')
        .on('variants')
        .columns(['product_id', 'active'])
        .execute();
      if (pg) {
        await sql`alter table product_search add column tsv tsvector generated always as (
          setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', names), 'B') || setweight(to_tsvector('simple', body), 'C')) stored`.execute(
          db,
        );
        await sql`create index product_search_tsv on product_search using gin (tsv)`.execute(db);
        return;
      }
      // External-content FTS5 over product_search, kept in step by triggers (the documented pattern).
      await sql`create virtual table product_fts using fts5(title, names, body, content='product_search', content_rowid='doc_id', tokenize='unicode61', prefix='2 3 4')`.execute(
        db,
      );
      await sql`create trigger product_search_ai after insert on product_search begin
        insert into product_fts(rowid, title, names, body) values (new.doc_id, new.title, new.names, new.body); end`.execute(
        db,
      );
      await sql`create trigger product_search_ad after delete on product_search begin
        insert into product_fts(product_fts, rowid, title, names, body) values ('delete', old.doc_id, old.title, old.names, old.body); end`.execute(
        db,
      );
      await sql`create trigger product_search_au after update on product_search begin
        insert into product_fts(product_fts, rowid, title, names, body) values ('delete', old.doc_id, old.title, old.names, old.body);
        insert into product_fts(rowid, title, names, body) values (new.doc_id, new.title, new.names, new.body); end`.execute(
        db,
      );
    },
  },
  // FTS5's rank column computes bm25 with these column weights, usable in ORDER BY while joining.
  '0403_catalog_search_rank': {
    async up(db: Kysely<any>) {
      if (isPostgres(db)) return;
      await sql`insert into product_fts(product_fts, rank) values ('rank', 'bm25(10.0, 4.0, 1.0)')`.execute(
        db,
      );
    },
  },
  // Covering indexes for what search checks per FTS5 match (bench/catalog-search.ts): the filter
  // columns of a search document without its text (a few dozen bytes a row instead of the
  // whole document), and a variant's stock without reading the variant and stock rows. SQLite
  // only: PostgreSQL reads the tsvector of every match from the heap anyway.
  '0404_catalog_search_covering': {
    async up(db: Kysely<any>) {
      if (isPostgres(db)) return;
      await db.schema
        .createIndex('product_search_filters')
        .on('product_search')
        .columns([
          'doc_id',
          'listed',
          'village_code',
          'category',
          'price_min',
          'umkm_id',
          'product_id',
        ])
        .execute();
      await db.schema
        .createIndex('variants_product_active_id')
        .on('variants')
        .columns(['product_id', 'active', 'id'])
        .execute();
      await db.schema.dropIndex('variants_product_active').execute();
      await db.schema
        .createIndex('stock_variant_available')
        .on('stock')
        .columns(['variant_id', 'available'])
        .execute();
    },
  },
  // Search and browse filter a region by village-code prefix (engine.ts: `village_code like
  // '53.09.%'`). PostgreSQL serves such a LIKE from a plain b-tree only under the C collation, so
  // at national scale a regency's browse walked the newest listed products one by one: 2.3 s for
  // 1,000,000 products. An index in the pattern operator class serves the prefix in any collation
  // (as orders' 0640). SQLite's covering index (0404) already holds village_code.
  '0405_catalog_search_village_prefix': {
    async up(db: Kysely<any>) {
      if (!isPostgres(db)) return;
      await sql`create index product_search_village_prefix on product_search (village_code text_pattern_ops) where listed = 1`.execute(
        db,
      );
    },
  },
  // A text query inside a region (postgres.ts): the region's lexemes (province, regency,
  // district, village: `r35`, `r3578`, `r357801`, `r3578011001`) in a tsvector beside the
  // text, and one GIN index over both, so the index yields only the matches in the region.
  // It replaces the text-only GIN index (a multicolumn GIN serves a query on either column).
  '0406_catalog_search_region_lexemes': {
    async up(db: Kysely<any>) {
      if (!isPostgres(db)) return;
      await sql`alter table product_search add column region_tsv tsvector generated always as (
        array_to_tsvector(array['r' || left(village_code, 2), 'r' || replace(left(village_code, 5), '.', ''),
          'r' || replace(left(village_code, 8), '.', ''), 'r' || replace(village_code, '.', '')])) stored`.execute(
        db,
      );
      await sql`create index product_search_text_region on product_search using gin (tsv, region_tsv)`.execute(
        db,
      );
      await sql`drop index product_search_tsv`.execute(db);
    },
  },
  // Two costs of a text query at national scale (bench/README, "Scale 1 on a third machine"):
  // - A typed word matches as a prefix (`buah:*`), and GIN answers a prefix by collecting every
  //   matching posting list into a bitmap first: `buah:*` in province 35 took 70–88 ms where the
  //   exact lexeme took 16–21 ms, though `buah` was the only lexeme with that prefix.
  //   `search_words` holds every lexeme of the documents, kept by statement-level triggers, so
  //   postgres.ts rewrites a prefix into the few lexemes it stands for (`buah | buahan`).
  //   Lexemes of removed documents stay: an OR of a lexeme no document has costs nothing.
  // - The newest matches of a common pair of words (`sayur segar`: 1 product in 130) are found
  //   by walking doc_id backwards, reading ≈ 131,000 rows from the heap (44–61 ms). A b-tree on
  //   doc_id carrying what that walk reads makes it index-only: 25–32 ms.
  // SQLite's FTS5 keeps its own prefix indexes (0402) and needs neither.
  '0407_catalog_search_words_walk': {
    async up(db: Kysely<any>) {
      if (!isPostgres(db)) return;
      await sql`create table search_words (word text collate "C" primary key)`.execute(db);
      // Sorted, so two writers adding the same new words take them in one order (no deadlock).
      await sql`create function search_words_add() returns trigger language plpgsql as $$
        begin
          insert into search_words (word)
            select distinct w from new_docs, unnest(tsvector_to_array(new_docs.tsv)) w order by w
            on conflict do nothing;
          return null;
        end $$`.execute(db);
      // A trigger with transition tables serves one event, so one for inserts and one for updates.
      for (const event of ['insert', 'update'])
        await sql`create trigger ${sql.raw(`product_search_words_${event}`)} after ${sql.raw(event)}
          on product_search referencing new table as new_docs
          for each statement execute function search_words_add()`.execute(db);
      await sql`insert into search_words (word)
        select distinct unnest(tsvector_to_array(tsv)) from product_search`.execute(db);
      await sql`create index product_search_walk on product_search (doc_id) include (listed, product_id, tsv)`.execute(
        db,
      );
    },
  },
  // Listed products per UMKM, kept by triggers on products in the statement that changes them
  // (any path: the listing transitions, bulk inserts, a hand edit), so the national summary
  // counts listed products and active sellers from one narrow row per UMKM instead of reading
  // every product each minute (bench/README.md, "Listed products kept per UMKM").
  '0408_catalog_listing_counts': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('listing_counts')
        .addColumn('umkm_id', 'text', (c) => c.primaryKey())
        .addColumn('village_code', 'text', (c) => c.notNull())
        .addColumn('listed', 'integer', (c) => c.notNull())
        .execute();
      if (isPostgres(db)) {
        // Statement triggers with transition tables: a bulk insert adds one row per UMKM, in
        // umkm_id order (two writers take the rows' locks in one order: no deadlock). An edit
        // that leaves `listed` as it was writes nothing (a column list cannot be combined with
        // transition tables, so every update statement runs it).
        await sql`create function listing_counts_keep() returns trigger language plpgsql as $$
          begin
            if tg_op = 'INSERT' then
              insert into listing_counts (umkm_id, village_code, listed)
                select umkm_id, min(village_code), sum(listed) from new_rows
                group by umkm_id order by umkm_id
                on conflict (umkm_id) do update set listed = listing_counts.listed + excluded.listed;
            elsif tg_op = 'UPDATE' then
              insert into listing_counts (umkm_id, village_code, listed)
                select umkm_id, min(village_code), sum(d) from (
                  select umkm_id, village_code, listed d from new_rows
                  union all select umkm_id, village_code, -listed from old_rows) c
                group by umkm_id having sum(d) <> 0 order by umkm_id
                on conflict (umkm_id) do update set listed = listing_counts.listed + excluded.listed;
            else
              update listing_counts l set listed = l.listed - o.n
                from (select umkm_id, sum(listed) n from old_rows group by umkm_id) o
                where l.umkm_id = o.umkm_id;
            end if;
            return null;
          end $$`.execute(db);
        const transitions = {
          insert: 'new table as new_rows',
          update: 'old table as old_rows new table as new_rows',
          delete: 'old table as old_rows',
        };
        for (const [event, tables] of Object.entries(transitions))
          await sql`create trigger ${sql.raw(`listing_counts_${event}`)} after ${sql.raw(event)}
            on products referencing ${sql.raw(tables)}
            for each statement execute function listing_counts_keep()`.execute(db);
      } else {
        await sql`create trigger listing_counts_insert after insert on products begin
            insert into listing_counts (umkm_id, village_code, listed)
              values (new.umkm_id, new.village_code, new.listed)
              on conflict (umkm_id) do update set listed = listed + excluded.listed;
          end`.execute(db);
        await sql`create trigger listing_counts_update after update of listed, umkm_id on products
          when old.listed <> new.listed or old.umkm_id <> new.umkm_id begin
            update listing_counts set listed = listed - old.listed where umkm_id = old.umkm_id;
            insert into listing_counts (umkm_id, village_code, listed)
              values (new.umkm_id, new.village_code, new.listed)
              on conflict (umkm_id) do update set listed = listed + excluded.listed;
          end`.execute(db);
        await sql`create trigger listing_counts_delete after delete on products begin
            update listing_counts set listed = listed - old.listed where umkm_id = old.umkm_id;
          end`.execute(db);
      }
      await sql`insert into listing_counts (umkm_id, village_code, listed)
        select umkm_id, min(village_code), sum(listed) from products group by umkm_id`.execute(db);
    },
  },
  ...ledgerIndexMigrations0409,
};
