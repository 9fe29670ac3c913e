import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db.js";

/**
 * Names each demo item's responsible window staff: a window clerk of the item's own org, or of one of its offices
 * (a university's 教务处). Items of an org without a demo clerk have none, as the guide then says.
 */
export async function seedDemoDesks(db: Db): Promise<void> {
  await db.execute(sql`
    insert into item_desks (item_id, staff_id)
    select distinct on (i.id) i.id, u.id
    from items i
    join orgs o on o.id = i.org_id
    join users u on u.kind = 'staff' and 'window_clerk' = any(u.roles)
    join orgs uo on uo.id = u.org_id
    where not i.standard and (uo.id = o.id or (uo.parent_id = o.id and uo.kind = 'office'))
    order by i.id, u.created_at
    on conflict do nothing`);
}
