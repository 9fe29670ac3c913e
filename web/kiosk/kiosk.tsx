import { FileDoneOutlined, LogoutOutlined, SearchOutlined, TrophyOutlined, UserOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, List, Modal, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { api, call } from "../api/client";
import { CaseStatusTag } from "../components/case-parts";
import { CaseRating } from "../components/case-rating";
import { useSession, useSignOut } from "../components/session";
import { KioskCertificates } from "./kiosk-certificates";
import { KioskSignIn } from "./kiosk-sign-in";

/** Seconds without a touch before the kiosk signs the person out, so the next person never sees their data. */
export const KIOSK_IDLE_SECONDS = 90;
const WARN_SECONDS = 15;

function useIdleSignOut(active: boolean, onTimeout: () => void): number | null {
  const [left, setLeft] = useState(KIOSK_IDLE_SECONDS);
  const last = useRef(Date.now());
  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    const events = ["pointerdown", "keydown", "touchstart"] as const;
    for (const e of events) window.addEventListener(e, touch);
    const timer = setInterval(() => {
      const remaining = KIOSK_IDLE_SECONDS - Math.floor((Date.now() - last.current) / 1000);
      setLeft(remaining);
      if (remaining <= 0) onTimeout();
    }, 1000);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      clearInterval(timer);
    };
  }, [active, onTimeout]);
  return active && left <= WARN_SECONDS ? Math.max(left, 0) : null;
}

type View = "home" | "certificates" | "cases";

const SERVICES: { icon: ReactNode; title: string; text: string; view: View | "results" }[] = [
  { icon: <FileDoneOutlined />, title: "自助打印证明", text: "在读证明、成绩单、学籍证明", view: "certificates" },
  { icon: <TrophyOutlined />, title: "成绩与录取查询", text: "高考、中考、学业水平考试", view: "results" },
  { icon: <SearchOutlined />, title: "办件进度查询", text: "查看办理进度与结果", view: "cases" },
];

/** The signed-in person's cases and where each stands. */
function KioskCases({ onBack }: { onBack: () => void }) {
  const mine = useQuery({ queryKey: ["my-cases"], queryFn: () => call(api.GET("/api/my/cases")) });
  return (
    <div>
      <Button className="kiosk-button block" onClick={onBack}>
        返回
      </Button>
      <Card className="kiosk-panel">
        <List
          loading={mine.isPending}
          dataSource={(mine.data ?? []).filter((c) => c.number)}
          locale={{ emptyText: "您还没有办件" }}
          renderItem={(c) => (
            <List.Item extra={<CaseStatusTag status={c.status} />}>
              <List.Item.Meta title={c.itemName} description={`${c.number} · ${c.orgName}`} />
            </List.Item>
          )}
        />
      </Card>
      <KioskRatings />
    </div>
  );
}

/** The signed-in person's recent cases still open to rate, rated here through the kiosk channel. */
function KioskRatings() {
  const mine = useQuery({ queryKey: ["my-cases"], queryFn: () => call(api.GET("/api/my/cases")) });
  const rateable = (mine.data ?? []).filter(
    (c) => c.number && !["draft", "submitted", "prechecked", "supplement", "withdrawn"].includes(c.status),
  );
  return (
    <div className="kiosk-ratings">
      {rateable.slice(0, 5).map((c) => (
        <CaseRating key={c.id} caseId={c.id} face="kiosk" title={`请评价：${c.itemName}（${c.number}）`} />
      ))}
    </div>
  );
}

/** 自助终端: large touch targets, larger text, and automatic sign-out after a short idle time. */
export function KioskPage() {
  const session = useSession();
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const [signingIn, setSigningIn] = useState(false);
  const [view, setView] = useState<View>("home");
  const navigate = useNavigate();
  const user = session.data?.user;
  const { mutate: signOutNow } = signOut;
  const timeoutSignOut = useCallback(() => {
    setSigningIn(false);
    setView("home");
    signOutNow();
  }, [signOutNow]);
  const open = (target: View | "results") => {
    if (target === "results") void navigate("/results");
    else if (!user) setSigningIn(true);
    else setView(target);
  };
  const warning = useIdleSignOut(Boolean(user) || signingIn, timeoutSignOut);

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <div>
          <div className="kiosk-title">教育服务自助终端</div>
          <div className="kiosk-sub">24 小时不打烊 · 办事不求人</div>
        </div>
        {user ? (
          <Button size="large" icon={<LogoutOutlined />} onClick={timeoutSignOut} className="kiosk-button">
            退出（{user.name}）
          </Button>
        ) : (
          <Button
            size="large"
            type="primary"
            icon={<UserOutlined />}
            onClick={() => setSigningIn(true)}
            className="kiosk-button"
          >
            登录
          </Button>
        )}
      </header>
      <main id="main" className="kiosk-main">
        {user && view === "certificates" ? (
          <KioskCertificates onBack={() => setView("home")} />
        ) : user && view === "cases" ? (
          <KioskCases onBack={() => setView("home")} />
        ) : (
          <>
            <Typography.Title level={2} className="kiosk-greeting">
              {user ? `${user.name}，您好！请选择服务` : "请选择服务，办理前需登录"}
            </Typography.Title>
            <div className="kiosk-grid">
              {SERVICES.map((s) => (
                <button type="button" key={s.title} className="kiosk-tile" onClick={() => open(s.view)}>
                  <span className="kiosk-tile-icon">{s.icon}</span>
                  <span className="kiosk-tile-title">{s.title}</span>
                  <span className="kiosk-tile-text">{s.text}</span>
                </button>
              ))}
            </div>
            <p className="kiosk-note">24 小时自助服务 · 无人操作 {KIOSK_IDLE_SECONDS} 秒后自动退出登录</p>
            {user && user.kind !== "staff" && <KioskRatings />}
          </>
        )}
      </main>
      <Modal
        open={signingIn && !user}
        onCancel={() => setSigningIn(false)}
        footer={null}
        title="登录"
        className="kiosk-modal"
        width={520}
        destroyOnHidden
      >
        <Card variant="borderless">
          <KioskSignIn
            onDone={(signedIn, idleMinutes) => {
              queryClient.setQueryData(["session"], { user: signedIn, idleMinutes });
              setSigningIn(false);
            }}
          />
        </Card>
      </Modal>
      <Modal open={warning !== null} closable={false} footer={null} title="即将自动退出">
        <Typography.Paragraph className="kiosk-warning">
          {warning} 秒后将自动退出登录，以保护您的个人信息。触摸屏幕可继续使用。
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
