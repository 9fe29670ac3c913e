import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Space, Upload } from "antd";
import { useState } from "react";
import { postFile } from "../api/client";

/** A form control holding the id of an uploaded public file (blank form, sample); uploads on pick. */
export function FileField({
  value,
  onChange,
  label,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  label: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space wrap>
      {value && (
        <a href={`/api/files/${value}`} download>
          已上传，下载查看
        </a>
      )}
      <Upload
        showUploadList={false}
        accept=".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx"
        customRequest={async ({ file }) => {
          setBusy(true);
          try {
            const result = await postFile<{ id: string }>("/api/files", file as Blob);
            onChange?.(result.id);
            void message.success(`${label}已上传`);
          } catch (error) {
            void message.error(error instanceof Error ? error.message : "上传失败");
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} aria-label={`上传${label}`}>
          {value ? "重新上传" : `上传${label}`}
        </Button>
      </Upload>
      {value && (
        <Button type="link" danger onClick={() => onChange?.(null)}>
          移除
        </Button>
      )}
    </Space>
  );
}
