import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form } from "antd";
import type { ReactNode } from "react";

/** A repeating group of an admin form (an item's materials, a bundle's items…) as numbered cards with add and remove. */
export function Repeater({
  name,
  label,
  add,
  children,
}: {
  name: string;
  label: string;
  add: object;
  children: (index: number) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(rows, { add: append, remove }) => (
        <>
          {rows.map((row, index) => (
            <Card
              key={row.key}
              size="small"
              className="repeater-card"
              title={`${label} ${index + 1}`}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(row.name)}
                  aria-label={`删除${label} ${index + 1}`}
                />
              }
            >
              {children(row.name)}
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => append(add)}>
            添加{label}
          </Button>
        </>
      )}
    </Form.List>
  );
}
