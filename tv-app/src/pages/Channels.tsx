export default function Channels() {
  return <view />;
}
