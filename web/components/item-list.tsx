import { Empty, List, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { promiseText } from "../../common/format";
import { AUDIENCE_LABELS, ITEM_KIND_LABELS, ONLINE_DEPTH_LABELS } from "../../common/vocabulary";
import type { components } from "../api/schema";

export type ItemSummary = components["schemas"]["ItemSummary"];

/** Service items as a list of links to their guides, with the promises people compare. */
export function ItemList({
  items,
  loading,
  empty,
}: {
  items: ItemSummary[] | undefined;
  loading: boolean;
  empty: string;
}) {
  return (
    <List
      className="item-list"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={(item) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Link to={`/items/${item.id}`} className="item-link">
                {item.name}
              </Link>
            }
            description={
              <Space wrap size={[8, 4]}>
                <Typography.Text type="secondary">{item.orgName}</Typography.Text>
                <Tag>{ITEM_KIND_LABELS[item.kind]}</Tag>
                {item.audiences.map((a) => (
                  <Tag key={a} color="blue">
                    {AUDIENCE_LABELS[a]}
                  </Tag>
                ))}
                {item.selfService && <Tag color="green">自助办理</Tag>}
                <Tag color={item.visitsRequired === 0 ? "green" : "orange"}>
                  {item.visitsRequired === 0 ? "零跑动" : `跑动 ${item.visitsRequired} 次`}
                </Tag>
                <Typography.Text type="secondary">承诺时限：{promiseText(item.promisedLimit)}</Typography.Text>
                <Typography.Text type="secondary">网办深度：{ONLINE_DEPTH_LABELS[item.onlineDepth]}</Typography.Text>
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
