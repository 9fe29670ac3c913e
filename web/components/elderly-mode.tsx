import { Switch } from "antd";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";

const STORAGE_KEY = "banshi.elderly";
const ElderlyContext = createContext<{ elderly: boolean; setElderly: (on: boolean) => void }>({
  elderly: false,
  setElderly: () => undefined,
});

/** 长辈模式 (适老化): larger text and controls, remembered on this device. */
export function ElderlyModeProvider({ children }: { children: ReactNode }) {
  const [elderly, setElderly] = useState(() => localStorage.getItem(STORAGE_KEY) === "1");
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, elderly ? "1" : "0");
    document.documentElement.classList.toggle("elderly", elderly);
  }, [elderly]);
  return <ElderlyContext.Provider value={{ elderly, setElderly }}>{children}</ElderlyContext.Provider>;
}

export function useElderlyMode() {
  return useContext(ElderlyContext);
}

export function ElderlyModeSwitch() {
  const { elderly, setElderly } = useElderlyMode();
  return (
    <span className="elderly-switch">
      <Switch
        checked={elderly}
        onChange={setElderly}
        aria-label="长辈模式：放大字号"
        checkedChildren="长辈模式"
        unCheckedChildren="长辈模式"
      />
    </span>
  );
}
